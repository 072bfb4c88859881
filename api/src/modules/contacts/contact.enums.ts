/** Where a contact's chat is; see the spec's "Contact state". */
export enum ContactState {
  BOT = 'BOT',
  TRAY = 'TRAY',
  AGENT = 'AGENT',
  EXPIRED = 'EXPIRED',
}
