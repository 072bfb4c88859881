import type { MessageBundle } from '../../shared/i18n/bundles';

export default {
  en: {
    agentState: {
      state: { FREE: 'Available', BUSY: 'Busy', FREE_IN_BREAK: 'Paused', BUSY_IN_BREAK: 'Busy, paused', DISCONNECTED: 'Offline' },
      yourState: 'Your state:',
      available: 'Available',
      pauseWith: 'Pause',
      noReasons: 'No pause reasons yet',
    },
  },
  es: {
    agentState: {
      state: { FREE: 'Disponible', BUSY: 'Ocupado', FREE_IN_BREAK: 'En pausa', BUSY_IN_BREAK: 'Ocupado, en pausa', DISCONNECTED: 'Desconectado' },
      yourState: 'Tu estado:',
      available: 'Disponible',
      pauseWith: 'Pausa',
      noReasons: 'Todavía no hay motivos de pausa',
    },
  },
  pt: {
    agentState: {
      state: { FREE: 'Disponível', BUSY: 'Ocupado', FREE_IN_BREAK: 'Em pausa', BUSY_IN_BREAK: 'Ocupado, em pausa', DISCONNECTED: 'Desconectado' },
      yourState: 'Seu estado:',
      available: 'Disponível',
      pauseWith: 'Pausa',
      noReasons: 'Ainda não há motivos de pausa',
    },
  },
} satisfies MessageBundle;
