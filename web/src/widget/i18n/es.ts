import type { WidgetMessages } from './en';

const es: WidgetMessages = {
  widget: {
    title: 'Chat',
    loading: 'Cargando…',
    noCampaign: 'Este chat no está configurado: la página no indica una campaña.',
    unavailable: 'El chat no está disponible en este momento.',
    intro: 'Cuéntanos quién eres y te atendemos enseguida.',
    name: 'Nombre',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    start: 'Iniciar chat',
    label: 'Mensaje',
    placeholder: 'Escribe un mensaje…',
    send: 'Enviar',
    empty: 'Saluda: te respondemos aquí mismo.',
    loadFailed: 'No se pudo cargar la conversación.',
    newConversation: 'Nueva conversación',
    checkAgain: 'Volver a intentarlo',
  },
  message: {
    sending: 'Enviando…',
    failed: 'No enviado',
    retry: 'Reintentar',
    note: 'Nota',
    author: { AGENT: 'Agente', BOT: 'Asistente', CONTACT: 'Tú', SUPERVISOR: 'Supervisor', SYSTEM: 'Chat' },
  },
  errors: {
    network: 'No se pudo contactar al servidor. Inténtalo de nuevo.',
  },
};

export default es;
