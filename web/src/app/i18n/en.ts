/** English texts; es.ts and pt.ts must have the same shape. Avoid "@", "|", "{", "}" outside placeholders. */
const en = {
  app: {
    name: 'Parley',
    language: 'Language',
    toDark: 'Switch to dark theme',
    toLight: 'Switch to light theme',
  },
  languages: { es: 'Español', en: 'English', pt: 'Português' },
  signIn: {
    title: 'Sign in',
    subtitle: 'Contact center workspace',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
  },
  user: {
    signOut: 'Sign out',
    role: { AGENT: 'Agent', SUPERVISOR: 'Supervisor', ADMIN: 'Administrator' },
  },
  inbox: {
    title: 'Inbox',
    views: 'Views',
    all: 'All',
    needsHelp: 'Needs help',
    closed: 'Closed',
    search: 'Search campaign, contact or protocol',
    searchShort: 'Search…',
    take: 'Take',
    takeFailed: 'Could not take this chat.',
    empty: 'No conversations here.',
    loadFailed: 'Could not load the inbox.',
    retry: 'Try again',
    anonymous: 'Unnamed contact',
    column: {
      protocol: 'Protocol',
      contact: 'Contact',
      campaign: 'Campaign',
      tray: 'Tray',
      state: 'State',
      time: 'Time',
      agent: 'Agent',
      action: 'Action',
    },
  },
  phase: { BOT: 'Bot', WAITING: 'Waiting', IN_SERVICE: 'In service', CLOSED: 'Closed' },
  status: { IN_PROGRESS: 'In progress', NEEDS_HELP: 'Needs help', WAITING_FOR_CUSTOMER: 'Waiting for customer' },
  channel: { WEBCHAT: 'Webchat', WHATSAPP: 'WhatsApp', SMS: 'SMS', EMAIL: 'E-mail', FACEBOOK: 'Facebook', API: 'API' },
  conversation: {
    waited: 'Waited {time}',
    messages: 'Messages',
    empty: 'No messages yet.',
    loadFailed: 'Could not load the messages.',
    composer: 'Message',
    placeholder: 'Write a message…',
    send: 'Send',
    takeToReply: 'Take this chat to reply.',
    heldByOther: 'Another agent holds this chat.',
    closed: 'This conversation is closed.',
  },
  message: {
    sending: 'Sending…',
    failed: 'Not sent',
    retry: 'Retry',
    note: 'Internal note',
    author: { AGENT: 'Agent', BOT: 'Bot', CONTACT: 'Customer', SUPERVISOR: 'Supervisor', SYSTEM: 'Parley' },
  },
  errors: {
    network: 'The server could not be reached. Try again.',
  },
};

export default en;
export type AppMessages = typeof en;
