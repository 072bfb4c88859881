/** Texts of the canned responses list (agent app only). */
export default {
  en: {
    canned: {
      open: 'Canned responses',
      title: 'Canned responses',
      search: 'Search canned responses',
      searchPlaceholder: 'Search by shortcut or text',
      noMatch: 'No response matches.',
      none: 'This campaign has no canned responses.',
    },
  },
  es: {
    canned: {
      open: 'Respuestas rápidas',
      title: 'Respuestas rápidas',
      search: 'Buscar respuestas rápidas',
      searchPlaceholder: 'Buscar por atajo o texto',
      noMatch: 'Ninguna respuesta coincide.',
      none: 'Esta campaña no tiene respuestas rápidas.',
    },
  },
  pt: {
    canned: {
      open: 'Respostas prontas',
      title: 'Respostas prontas',
      search: 'Buscar respostas prontas',
      searchPlaceholder: 'Buscar por atalho ou texto',
      noMatch: 'Nenhuma resposta corresponde.',
      none: 'Esta campanha não tem respostas prontas.',
    },
  },
};
