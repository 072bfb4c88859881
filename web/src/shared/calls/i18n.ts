import type { MessageBundle } from '../i18n/bundles';

export default {
  en: {
    call: {
      title: { AUDIO: 'Audio call', VIDEO: 'Video call', SCREEN: 'Screen' },
      phase: { idle: 'Starting…', connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Reconnecting…', failed: 'The connection failed', ended: 'Call ended' },
      mute: 'Mute microphone',
      unmute: 'Unmute microphone',
      cameraOff: 'Turn camera off',
      cameraOn: 'Turn camera on',
      hangUp: 'Hang up',
      noMedia: 'No microphone or camera: you can listen only.',
      remoteVideo: 'The other person’s video',
      localVideo: 'Your camera',
      elapsed: 'Call time',
    },
  },
  es: {
    call: {
      title: { AUDIO: 'Llamada de audio', VIDEO: 'Videollamada', SCREEN: 'Pantalla' },
      phase: { idle: 'Iniciando…', connecting: 'Conectando…', connected: 'Conectado', reconnecting: 'Reconectando…', failed: 'La conexión falló', ended: 'Llamada terminada' },
      mute: 'Silenciar micrófono',
      unmute: 'Activar micrófono',
      cameraOff: 'Apagar cámara',
      cameraOn: 'Encender cámara',
      hangUp: 'Colgar',
      noMedia: 'Sin micrófono ni cámara: solo puedes escuchar.',
      remoteVideo: 'Vídeo de la otra persona',
      localVideo: 'Tu cámara',
      elapsed: 'Duración de la llamada',
    },
  },
  pt: {
    call: {
      title: { AUDIO: 'Chamada de áudio', VIDEO: 'Chamada de vídeo', SCREEN: 'Tela' },
      phase: { idle: 'Iniciando…', connecting: 'Conectando…', connected: 'Conectado', reconnecting: 'Reconectando…', failed: 'A conexão falhou', ended: 'Chamada encerrada' },
      mute: 'Silenciar microfone',
      unmute: 'Ativar microfone',
      cameraOff: 'Desligar câmera',
      cameraOn: 'Ligar câmera',
      hangUp: 'Desligar',
      noMedia: 'Sem microfone nem câmera: você só pode ouvir.',
      remoteVideo: 'Vídeo da outra pessoa',
      localVideo: 'Sua câmera',
      elapsed: 'Duração da chamada',
    },
  },
} satisfies MessageBundle;
