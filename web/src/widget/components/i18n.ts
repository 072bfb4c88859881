/** The widget's texts for its start outcomes, the offline form, the chat's phase and its end. */
export default {
  en: {
    webchat: {
      close: 'Close chat',
      fieldError: {
        required: 'Fill this in.',
        email: 'Enter a valid e-mail address.',
        phone: 'Enter a phone number: 6 to 15 digits, a + at the start if you like.',
        reachable: 'Leave an e-mail address or a phone number so we can answer.',
      },
      outOfHours: 'We are closed right now.',
      unavailable: 'All our agents are busy right now. Please try again in a few minutes.',
      offline: {
        intro: 'Leave us a message and we will answer as soon as we are back.',
        body: 'Your message',
        send: 'Send message',
        sent: 'Thank you: we got your message and will answer as soon as we can.',
      },
      phase: {
        BOT: 'Our assistant is answering',
        WAITING: 'Waiting for an agent…',
        IN_SERVICE: '{name} has joined the chat',
        IN_SERVICE_NO_NAME: 'An agent has joined the chat',
        IN_SERVICE_WITH: 'With you: {name} and {others}',
        CLOSED: 'The chat has ended',
      },
      ended: 'This conversation has ended.',
      startNew: 'Start a new conversation',
    },
  },
  es: {
    webchat: {
      close: 'Cerrar chat',
      fieldError: {
        required: 'Completa este campo.',
        email: 'Escribe un correo electrónico válido.',
        phone: 'Escribe un teléfono: de 6 a 15 dígitos, con + al inicio si quieres.',
        reachable: 'Déjanos un correo o un teléfono para poder responderte.',
      },
      outOfHours: 'En este momento estamos cerrados.',
      unavailable: 'Todos nuestros agentes están ocupados. Inténtalo de nuevo en unos minutos.',
      offline: {
        intro: 'Déjanos un mensaje y te responderemos en cuanto volvamos.',
        body: 'Tu mensaje',
        send: 'Enviar mensaje',
        sent: 'Gracias: recibimos tu mensaje y te responderemos lo antes posible.',
      },
      phase: {
        BOT: 'Te atiende nuestro asistente',
        WAITING: 'Esperando a un agente…',
        IN_SERVICE: '{name} se ha unido al chat',
        IN_SERVICE_NO_NAME: 'Un agente se ha unido al chat',
        IN_SERVICE_WITH: 'Te atienden: {name} y {others}',
        CLOSED: 'El chat ha terminado',
      },
      ended: 'Esta conversación ha terminado.',
      startNew: 'Iniciar una nueva conversación',
    },
  },
  pt: {
    webchat: {
      close: 'Fechar chat',
      fieldError: {
        required: 'Preencha este campo.',
        email: 'Digite um e-mail válido.',
        phone: 'Digite um telefone: de 6 a 15 dígitos, com + no início se quiser.',
        reachable: 'Deixe um e-mail ou um telefone para podermos responder.',
      },
      outOfHours: 'Estamos fechados neste momento.',
      unavailable: 'Todos os nossos agentes estão ocupados. Tente de novo em alguns minutos.',
      offline: {
        intro: 'Deixe uma mensagem e responderemos assim que voltarmos.',
        body: 'Sua mensagem',
        send: 'Enviar mensagem',
        sent: 'Obrigado: recebemos sua mensagem e responderemos o quanto antes.',
      },
      phase: {
        BOT: 'Nosso assistente está atendendo',
        WAITING: 'Aguardando um agente…',
        IN_SERVICE: '{name} entrou no chat',
        IN_SERVICE_NO_NAME: 'Um agente entrou no chat',
        IN_SERVICE_WITH: 'Com você: {name} e {others}',
        CLOSED: 'O chat foi encerrado',
      },
      ended: 'Esta conversa foi encerrada.',
      startNew: 'Iniciar uma nova conversa',
    },
  },
};
