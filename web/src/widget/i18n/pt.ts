import type { WidgetMessages } from './en';

const pt: WidgetMessages = {
  widget: {
    title: 'Chat',
    loading: 'Carregando…',
    noCampaign: 'Este chat não está configurado: a página não indica uma campanha.',
    unavailable: 'O chat não está disponível no momento.',
    intro: 'Diga quem você é e já vamos atender.',
    name: 'Nome',
    email: 'E-mail',
    phone: 'Telefone',
    start: 'Iniciar chat',
    label: 'Mensagem',
    placeholder: 'Escreva uma mensagem…',
    send: 'Enviar',
    empty: 'Diga olá: respondemos aqui mesmo.',
    loadFailed: 'Não foi possível carregar a conversa.',
    newConversation: 'Nova conversa',
    checkAgain: 'Tentar novamente',
  },
  message: {
    sending: 'Enviando…',
    failed: 'Não enviada',
    retry: 'Tentar de novo',
    note: 'Nota',
    author: { AGENT: 'Agente', BOT: 'Assistente', CONTACT: 'Você', SUPERVISOR: 'Supervisor', SYSTEM: 'Chat' },
  },
  errors: {
    network: 'Não foi possível falar com o servidor. Tente de novo.',
  },
};

export default pt;
