/** A list the screens show beside chats, which a change to it obliges them to read again. */
export enum DirectoryPart {
  USER = 'USER',
  TEAM = 'TEAM',
  CAMPAIGN = 'CAMPAIGN',
  SECURITY_GROUP = 'SECURITY_GROUP',
  PAUSE_REASON = 'PAUSE_REASON',
  TRAY = 'TRAY',
  TRAY_ACCESS = 'TRAY_ACCESS',
  TAG = 'TAG',
  SKILL = 'SKILL',
  CANNED_RESPONSE = 'CANNED_RESPONSE',
}

export const EVERY_PART: readonly DirectoryPart[] = Object.values(DirectoryPart);
