export default {
  en: { nav: { label: 'Screens', inbox: 'Inbox', unopened: '{count} new chats for you', monitor: 'Monitor', admin: 'Administration' } },
  es: { nav: { label: 'Pantallas', inbox: 'Bandeja', unopened: '{count} chats nuevos para ti', monitor: 'Monitor', admin: 'Administración' } },
  pt: { nav: { label: 'Telas', inbox: 'Caixa de entrada', unopened: '{count} novos chats para você', monitor: 'Monitor', admin: 'Administração' } },
};
