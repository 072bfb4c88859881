/** The widget's English texts; es.ts and pt.ts must have the same shape. */
const en = {
  widget: {
    title: 'Chat',
    loading: 'Loading…',
    noCampaign: 'This chat is not set up: the page gives no campaign.',
    unavailable: 'The chat is not available right now.',
    intro: 'Tell us who you are and we will be right with you.',
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    start: 'Start chat',
    label: 'Message',
    placeholder: 'Write a message…',
    send: 'Send',
    empty: 'Say hello: we answer right here.',
    loadFailed: 'Could not load the conversation.',
    newConversation: 'New conversation',
    checkAgain: 'Try again',
  },
  message: {
    sending: 'Sending…',
    failed: 'Not sent',
    retry: 'Retry',
    note: 'Note',
    author: { AGENT: 'Agent', BOT: 'Assistant', CONTACT: 'You', SUPERVISOR: 'Supervisor', SYSTEM: 'Chat' },
  },
  errors: {
    network: 'The server could not be reached. Try again.',
  },
};

export default en;
export type WidgetMessages = typeof en;
