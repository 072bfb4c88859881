/** The contact's earlier conversations. Avoid "@", "|", "{", "}" outside placeholders. */
export default {
  en: {
    chatHistory: {
      open: "Contact's earlier conversations",
      empty: 'No earlier conversations.',
      loadFailed: 'Could not load the earlier conversations.',
    },
  },
  es: {
    chatHistory: {
      open: 'Conversaciones anteriores del contacto',
      empty: 'No hay conversaciones anteriores.',
      loadFailed: 'No se pudieron cargar las conversaciones anteriores.',
    },
  },
  pt: {
    chatHistory: {
      open: 'Conversas anteriores do contato',
      empty: 'Nenhuma conversa anterior.',
      loadFailed: 'Não foi possível carregar as conversas anteriores.',
    },
  },
};
