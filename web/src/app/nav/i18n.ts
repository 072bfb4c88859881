export default {
  en: { nav: { label: 'Screens', inbox: 'Inbox', monitor: 'Monitor', admin: 'Administration' } },
  es: { nav: { label: 'Pantallas', inbox: 'Bandeja', monitor: 'Monitor', admin: 'Administración' } },
  pt: { nav: { label: 'Telas', inbox: 'Caixa de entrada', monitor: 'Monitor', admin: 'Administração' } },
};
