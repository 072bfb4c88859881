/** Texts of the canned responses list (the composer offers it to agents only). */
export default {
  en: {
    canned: {
      open: 'Canned responses',
      title: 'Canned responses',
      search: 'Search canned responses',
      searchPlaceholder: 'Search by shortcut or text',
      noMatch: 'No response matches.',
      none: 'This campaign has no canned responses.',
      loadFailed: 'The canned responses could not be loaded.',
      retry: 'Try again',
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
      loadFailed: 'No se pudieron cargar las respuestas rápidas.',
      retry: 'Reintentar',
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
      loadFailed: 'Não foi possível carregar as respostas prontas.',
      retry: 'Tentar de novo',
    },
  },
};
