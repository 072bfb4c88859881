/** The staff chat panel's texts, on both sides (an agent's reply panel, a supervisor's on the monitor). */
export default {
  en: { staffChat: { with: 'Chat with {name}', close: 'Close the chat', label: 'Message', placeholder: 'Write a message…', send: 'Send' } },
  es: { staffChat: { with: 'Chat con {name}', close: 'Cerrar el chat', label: 'Mensaje', placeholder: 'Escribe un mensaje…', send: 'Enviar' } },
  pt: { staffChat: { with: 'Chat com {name}', close: 'Fechar o chat', label: 'Mensagem', placeholder: 'Escreva uma mensagem…', send: 'Enviar' } },
};
