export default {
  en: { nav: { label: 'Screens', inbox: 'Inbox', unopened: '{count} new chats for you', contacts: 'Contacts', monitor: 'Monitor', admin: 'Administration' } },
  es: { nav: { label: 'Pantallas', inbox: 'Bandeja', unopened: '{count} chats nuevos para ti', contacts: 'Contactos', monitor: 'Monitor', admin: 'Administración' } },
  pt: { nav: { label: 'Telas', inbox: 'Caixa de entrada', unopened: '{count} novos chats para você', contacts: 'Contatos', monitor: 'Monitor', admin: 'Administração' } },
};
