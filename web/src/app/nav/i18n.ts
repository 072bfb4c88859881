export default {
  en: { nav: { label: 'Screens', inbox: 'Inbox', contacts: 'Contacts', monitor: 'Monitor', admin: 'Administration' } },
  es: { nav: { label: 'Pantallas', inbox: 'Bandeja', contacts: 'Contactos', monitor: 'Monitor', admin: 'Administración' } },
  pt: { nav: { label: 'Telas', inbox: 'Caixa de entrada', contacts: 'Contatos', monitor: 'Monitor', admin: 'Administração' } },
};
