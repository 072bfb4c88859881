/** Texts for refused or failed requests, shared by the agent app and the widget (see errors.ts). */
export default {
  en: {
    apiError: {
      network: 'No connection to the server. Check the network and try again.',
      unauthenticated: 'Your session has ended. Sign in again.',
      forbidden: 'This is not allowed for you.',
      notFound: 'This no longer exists.',
      conflict: 'This changed in the meantime. Look again and retry.',
      rateLimited: 'Too many attempts. Wait a moment and try again.',
      emailNotConfigured: 'E-mail is not configured on this server.',
      emailNotSent: 'The mail server did not take the reply. The message is still waiting.',
      unknown: 'Something went wrong. Try again.',
    },
  },
  es: {
    apiError: {
      network: 'Sin conexión con el servidor. Revisa la red y vuelve a intentarlo.',
      unauthenticated: 'Tu sesión terminó. Vuelve a iniciar sesión.',
      forbidden: 'No tienes permiso para esto.',
      notFound: 'Esto ya no existe.',
      conflict: 'Esto cambió mientras tanto. Revísalo y vuelve a intentarlo.',
      rateLimited: 'Demasiados intentos. Espera un momento y vuelve a intentarlo.',
      emailNotConfigured: 'El correo electrónico no está configurado en este servidor.',
      emailNotSent: 'El servidor de correo no aceptó la respuesta. El mensaje sigue pendiente.',
      unknown: 'Algo salió mal. Vuelve a intentarlo.',
    },
  },
  pt: {
    apiError: {
      network: 'Sem conexão com o servidor. Verifique a rede e tente de novo.',
      unauthenticated: 'Sua sessão terminou. Entre novamente.',
      forbidden: 'Você não tem permissão para isso.',
      notFound: 'Isto não existe mais.',
      conflict: 'Isto mudou nesse meio tempo. Confira e tente de novo.',
      rateLimited: 'Tentativas demais. Aguarde um momento e tente de novo.',
      emailNotConfigured: 'O e-mail não está configurado neste servidor.',
      emailNotSent: 'O servidor de e-mail não aceitou a resposta. A mensagem continua pendente.',
      unknown: 'Algo deu errado. Tente de novo.',
    },
  },
};
