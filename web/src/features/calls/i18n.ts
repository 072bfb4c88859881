import type { MessageBundle } from '../../shared/i18n/bundles';

export default {
  en: {
    calls: {
      ringing: { AUDIO: 'Audio call request', VIDEO: 'Video call request', SCREEN: 'Screen request' },
      from: '{name} asks for a call · {protocol}',
      customer: 'The customer',
      accept: 'Accept',
      decline: 'Decline',
      answerFailed: 'The call could not be answered: {reason}',
      panel: 'Call with {name}',
      ringingList: 'Incoming calls',
      gone: 'The customer hung up before the call was answered.',
      dropped: 'The connection dropped, so the call was ended. The customer can call again.',
    },
  },
  es: {
    calls: {
      ringing: { AUDIO: 'Solicitud de llamada de audio', VIDEO: 'Solicitud de videollamada', SCREEN: 'Solicitud de pantalla' },
      from: '{name} pide una llamada · {protocol}',
      customer: 'El cliente',
      accept: 'Aceptar',
      decline: 'Rechazar',
      answerFailed: 'No se pudo contestar la llamada: {reason}',
      panel: 'Llamada con {name}',
      ringingList: 'Llamadas entrantes',
      gone: 'El cliente colgó antes de que se contestara la llamada.',
      dropped: 'Se cayó la conexión y la llamada terminó. El cliente puede volver a llamar.',
    },
  },
  pt: {
    calls: {
      ringing: { AUDIO: 'Pedido de chamada de áudio', VIDEO: 'Pedido de chamada de vídeo', SCREEN: 'Pedido de tela' },
      from: '{name} pede uma chamada · {protocol}',
      customer: 'O cliente',
      accept: 'Aceitar',
      decline: 'Recusar',
      answerFailed: 'Não foi possível atender a chamada: {reason}',
      panel: 'Chamada com {name}',
      ringingList: 'Chamadas recebidas',
      gone: 'O cliente desligou antes de a chamada ser atendida.',
      dropped: 'A conexão caiu e a chamada terminou. O cliente pode ligar de novo.',
    },
  },
} satisfies MessageBundle;
