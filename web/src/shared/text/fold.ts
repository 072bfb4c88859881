/** Text as a search compares it: case- and accent-insensitive, so "jose" finds "José". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
