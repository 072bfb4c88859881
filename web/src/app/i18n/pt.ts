import type { AppMessages } from './en';

const pt: AppMessages = {
  app: {
    name: 'Parley',
    language: 'Idioma',
    toDark: 'Mudar para o tema escuro',
    toLight: 'Mudar para o tema claro',
  },
  languages: { es: 'Español', en: 'English', pt: 'Português' },
  signIn: {
    title: 'Entrar',
    subtitle: 'Espaço de trabalho do contact center',
    email: 'E-mail',
    password: 'Senha',
    submit: 'Entrar',
  },
  user: {
    signOut: 'Sair',
    role: { AGENT: 'Agente', SUPERVISOR: 'Supervisor', ADMIN: 'Administrador' },
  },
  inbox: {
    title: 'Caixa de entrada',
    views: 'Visões',
    all: 'Todas',
    needsHelp: 'Precisa de ajuda',
    closed: 'Encerradas',
    search: 'Buscar campanha, contato ou protocolo',
    searchShort: 'Buscar…',
    take: 'Pegar',
    takeFailed: 'Não foi possível pegar este chat.',
    empty: 'Nenhuma conversa aqui.',
    loadFailed: 'Não foi possível carregar a caixa de entrada.',
    retry: 'Tentar de novo',
    anonymous: 'Contato sem nome',
    column: {
      protocol: 'Protocolo',
      contact: 'Contato',
      campaign: 'Campanha',
      tray: 'Fila',
      state: 'Estado',
      time: 'Tempo',
      agent: 'Agente',
      action: 'Ação',
    },
  },
  phase: { BOT: 'Bot', WAITING: 'Aguardando', IN_SERVICE: 'Em atendimento', CLOSED: 'Encerrada' },
  status: { IN_PROGRESS: 'Em andamento', NEEDS_HELP: 'Precisa de ajuda', WAITING_FOR_CUSTOMER: 'Aguardando o cliente' },
  channel: { WEBCHAT: 'Webchat', WHATSAPP: 'WhatsApp', SMS: 'SMS', EMAIL: 'E-mail', FACEBOOK: 'Facebook', API: 'API' },
  conversation: {
    waited: 'Aguardou {time}',
    messages: 'Mensagens',
    empty: 'Ainda não há mensagens.',
    loadFailed: 'Não foi possível carregar as mensagens.',
    composer: 'Mensagem',
    placeholder: 'Escreva uma mensagem…',
    send: 'Enviar',
    takeToReply: 'Pegue este chat para responder.',
    heldByOther: 'Outro agente atende este chat.',
    closed: 'Esta conversa está encerrada.',
  },
  message: {
    sending: 'Enviando…',
    failed: 'Não enviada',
    retry: 'Tentar de novo',
    note: 'Nota interna',
    author: { AGENT: 'Agente', BOT: 'Bot', CONTACT: 'Cliente', SUPERVISOR: 'Supervisor', SYSTEM: 'Parley' },
  },
  errors: {
    network: 'Não foi possível falar com o servidor. Tente de novo.',
  },
};

export default pt;
