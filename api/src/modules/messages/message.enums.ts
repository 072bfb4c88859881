export enum AuthorKind {
  CONTACT = 'CONTACT',
  AGENT = 'AGENT',
  BOT = 'BOT',
  SYSTEM = 'SYSTEM',
  SUPERVISOR = 'SUPERVISOR',
}

export enum Visibility {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
}
