export enum TrayKind {
  GENERAL = 'GENERAL',
  PERSONAL = 'PERSONAL',
  CLOSED = 'CLOSED',
  CUSTOM = 'CUSTOM',
}
