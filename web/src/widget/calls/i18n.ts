import type { MessageBundle } from '../../shared/i18n/bundles';

export default {
  en: {
    widgetCall: {
      audio: 'Call',
      video: 'Video call',
      audioLabel: 'Ask the agent for an audio call',
      videoLabel: 'Ask the agent for a video call',
      asking: 'Allow your microphone to call…',
      ringing: 'Calling the agent…',
      cancel: 'Cancel the call',
      declined: 'The agent cannot take a call right now.',
      ended: 'The call ended.',
      dropped: 'The connection dropped, so the call ended. You can call again.',
      agent: 'Agent',
      failed: 'The call could not be started.',
    },
  },
  es: {
    widgetCall: {
      audio: 'Llamar',
      video: 'Videollamada',
      audioLabel: 'Pedir al agente una llamada de audio',
      videoLabel: 'Pedir al agente una videollamada',
      asking: 'Permite el micrófono para llamar…',
      ringing: 'Llamando al agente…',
      cancel: 'Cancelar la llamada',
      declined: 'El agente no puede atender una llamada ahora.',
      ended: 'La llamada terminó.',
      dropped: 'Se cayó la conexión y la llamada terminó. Puedes volver a llamar.',
      agent: 'Agente',
      failed: 'No se pudo iniciar la llamada.',
    },
  },
  pt: {
    widgetCall: {
      audio: 'Ligar',
      video: 'Chamada de vídeo',
      audioLabel: 'Pedir ao agente uma chamada de áudio',
      videoLabel: 'Pedir ao agente uma chamada de vídeo',
      asking: 'Permita o microfone para ligar…',
      ringing: 'Chamando o agente…',
      cancel: 'Cancelar a chamada',
      declined: 'O agente não pode atender uma chamada agora.',
      ended: 'A chamada terminou.',
      dropped: 'A conexão caiu e a chamada terminou. Você pode ligar de novo.',
      agent: 'Agente',
      failed: 'Não foi possível iniciar a chamada.',
    },
  },
} satisfies MessageBundle;
