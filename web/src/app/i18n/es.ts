import type { AppMessages } from './en';

const es: AppMessages = {
  app: {
    name: 'Parley',
    language: 'Idioma',
    toDark: 'Cambiar a tema oscuro',
    toLight: 'Cambiar a tema claro',
  },
  languages: { es: 'Español', en: 'English', pt: 'Português' },
  signIn: {
    title: 'Iniciar sesión',
    subtitle: 'Espacio de trabajo del contact center',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Entrar',
  },
  user: {
    signOut: 'Cerrar sesión',
    role: { AGENT: 'Agente', SUPERVISOR: 'Supervisor', ADMIN: 'Administrador' },
  },
  inbox: {
    title: 'Bandeja',
    views: 'Vistas',
    all: 'Todas',
    needsHelp: 'Necesita ayuda',
    closed: 'Cerradas',
    search: 'Buscar campaña, contacto o protocolo',
    searchShort: 'Buscar…',
    take: 'Tomar',
    takeFailed: 'No se pudo tomar este chat.',
    empty: 'No hay conversaciones aquí.',
    loadFailed: 'No se pudo cargar la bandeja.',
    retry: 'Reintentar',
    anonymous: 'Contacto sin nombre',
    column: {
      protocol: 'Protocolo',
      contact: 'Contacto',
      campaign: 'Campaña',
      tray: 'Bandeja',
      state: 'Estado',
      time: 'Tiempo',
      agent: 'Agente',
      action: 'Acción',
    },
  },
  phase: { BOT: 'Bot', WAITING: 'En espera', IN_SERVICE: 'En atención', CLOSED: 'Cerrada' },
  status: { IN_PROGRESS: 'En curso', NEEDS_HELP: 'Necesita ayuda', WAITING_FOR_CUSTOMER: 'Esperando al cliente' },
  channel: { WEBCHAT: 'Webchat', WHATSAPP: 'WhatsApp', SMS: 'SMS', EMAIL: 'Correo', FACEBOOK: 'Facebook', API: 'API' },
  conversation: {
    waited: 'Esperó {time}',
    messages: 'Mensajes',
    empty: 'Todavía no hay mensajes.',
    loadFailed: 'No se pudieron cargar los mensajes.',
    composer: 'Mensaje',
    placeholder: 'Escribe un mensaje…',
    send: 'Enviar',
    takeToReply: 'Toma este chat para responder.',
    heldByOther: 'Otro agente atiende este chat.',
    closed: 'Esta conversación está cerrada.',
  },
  message: {
    sending: 'Enviando…',
    failed: 'No enviado',
    retry: 'Reintentar',
    note: 'Nota interna',
    author: { AGENT: 'Agente', BOT: 'Bot', CONTACT: 'Cliente', SUPERVISOR: 'Supervisor', SYSTEM: 'Parley' },
  },
  errors: {
    network: 'No se pudo contactar al servidor. Inténtalo de nuevo.',
  },
};

export default es;
