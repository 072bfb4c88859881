import type { MessageBundle } from '../../shared/i18n/bundles';

export default {
  en: {
    internalChat: {
      from: 'Message from {name}',
      reply: 'Reply',
    },
    notifications: {
      chat: { WAITING: 'New chat waiting', ASSIGNED: 'New chat for you', unnamed: 'Customer' },
      open: 'Open',
      missed: { title: '{count} new chats', body: 'They arrived while the connection was down.' },
    },
  },
  es: {
    internalChat: {
      from: 'Mensaje de {name}',
      reply: 'Responder',
    },
    notifications: {
      chat: { WAITING: 'Nuevo chat en espera', ASSIGNED: 'Nuevo chat para ti', unnamed: 'Cliente' },
      open: 'Abrir',
      missed: { title: '{count} chats nuevos', body: 'Llegaron mientras la conexión estaba caída.' },
    },
  },
  pt: {
    internalChat: {
      from: 'Mensagem de {name}',
      reply: 'Responder',
    },
    notifications: {
      chat: { WAITING: 'Novo chat aguardando', ASSIGNED: 'Novo chat para você', unnamed: 'Cliente' },
      open: 'Abrir',
      missed: { title: '{count} novos chats', body: 'Chegaram enquanto a conexão estava caída.' },
    },
  },
} satisfies MessageBundle;
