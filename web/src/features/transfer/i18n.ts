/** The transfer dialog. Avoid "@", "|", "{", "}" outside placeholders. */
export default {
  en: {
    chatTransfer: {
      title: 'Transfer conversation',
      kind: 'Transfer to',
      kinds: { tray: 'Tray', agent: 'Agent', team: 'Team' },
      none: 'Nowhere to transfer to.',
      loadFailed: 'Could not load where this chat may go.',
      note: 'Note for whoever takes it',
      notePlaceholder: 'Note for whoever takes it (optional)',
      cancel: 'Cancel',
      submit: 'Transfer',
      failed: 'Could not transfer this chat.',
    },
  },
  es: {
    chatTransfer: {
      title: 'Transferir conversación',
      kind: 'Transferir a',
      kinds: { tray: 'Bandeja', agent: 'Agente', team: 'Equipo' },
      none: 'No hay adónde transferir.',
      loadFailed: 'No se pudo cargar adónde puede ir este chat.',
      note: 'Nota para quien lo atienda',
      notePlaceholder: 'Nota para quien lo atienda (opcional)',
      cancel: 'Cancelar',
      submit: 'Transferir',
      failed: 'No se pudo transferir este chat.',
    },
  },
  pt: {
    chatTransfer: {
      title: 'Transferir conversa',
      kind: 'Transferir para',
      kinds: { tray: 'Bandeja', agent: 'Agente', team: 'Equipe' },
      none: 'Não há para onde transferir.',
      loadFailed: 'Não foi possível carregar para onde este chat pode ir.',
      note: 'Nota para quem atender',
      notePlaceholder: 'Nota para quem atender (opcional)',
      cancel: 'Cancelar',
      submit: 'Transferir',
      failed: 'Não foi possível transferir este chat.',
    },
  },
};
