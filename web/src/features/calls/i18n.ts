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
      lost: {
        mine: 'Your connection was lost for too long, so the call with {name} ended. The customer can call again.',
        theirs: '{name}: their connection was lost for too long, so the call ended. The customer can call again.',
      },
      screen: {
        asks: '{name} asks to watch your screen',
        aSupervisor: 'A supervisor',
        requests: 'Screen requests',
        sharedLabel: 'Screen sharing',
        shared: 'Your screen is being shared with {name}',
        stop: 'Stop sharing',
        notPicked: 'No screen was picked, so nothing was shared and the request was declined.',
        gone: 'The supervisor stopped asking before the screen was shared.',
        lost: {
          mine: 'Your connection was lost for too long, so screen sharing stopped. The supervisor can ask again.',
          theirs: '{name}: their connection was lost for too long, so screen sharing stopped.',
        },
      },
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
      lost: {
        mine: 'Tu conexión se perdió demasiado tiempo y la llamada con {name} terminó. El cliente puede volver a llamar.',
        theirs: '{name}: su conexión se perdió demasiado tiempo y la llamada terminó. El cliente puede volver a llamar.',
      },
      screen: {
        asks: '{name} pide ver tu pantalla',
        aSupervisor: 'Un supervisor',
        requests: 'Solicitudes de pantalla',
        sharedLabel: 'Pantalla compartida',
        shared: 'Tu pantalla se está compartiendo con {name}',
        stop: 'Dejar de compartir',
        notPicked: 'No se eligió ninguna pantalla: no se compartió nada y se rechazó la solicitud.',
        gone: 'El supervisor dejó de pedirlo antes de que se compartiera la pantalla.',
        lost: {
          mine: 'Tu conexión se perdió demasiado tiempo y se dejó de compartir la pantalla. El supervisor puede volver a pedirlo.',
          theirs: '{name}: su conexión se perdió demasiado tiempo y se dejó de compartir la pantalla.',
        },
      },
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
      lost: {
        mine: 'Sua conexão caiu por tempo demais e a chamada com {name} terminou. O cliente pode ligar de novo.',
        theirs: '{name}: a conexão caiu por tempo demais e a chamada terminou. O cliente pode ligar de novo.',
      },
      screen: {
        asks: '{name} pede para ver sua tela',
        aSupervisor: 'Um supervisor',
        requests: 'Pedidos de tela',
        sharedLabel: 'Tela compartilhada',
        shared: 'Sua tela está sendo compartilhada com {name}',
        stop: 'Parar de compartilhar',
        notPicked: 'Nenhuma tela foi escolhida: nada foi compartilhado e o pedido foi recusado.',
        gone: 'O supervisor desistiu antes de a tela ser compartilhada.',
        lost: {
          mine: 'Sua conexão caiu por tempo demais e o compartilhamento da tela parou. O supervisor pode pedir de novo.',
          theirs: '{name}: a conexão caiu por tempo demais e o compartilhamento da tela parou.',
        },
      },
    },
  },
} satisfies MessageBundle;
