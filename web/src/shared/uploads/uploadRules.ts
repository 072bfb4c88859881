/** The server's limits (UPLOAD_MAX_PER_MESSAGE, UPLOAD_MAX_BYTES): checked here so a refusal is immediate and clear. */
export const MAX_ATTACHMENTS = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type Refusal = 'tooBig' | 'tooMany';

export interface Admission<F> {
  accepted: F[];
  refused: { file: F; reason: Refusal }[];
}

/** Which of the chosen files fit beside the `held` ones already on the message, in the order chosen. */
export function admitFiles<F extends { size: number }>(held: number, chosen: readonly F[]): Admission<F> {
  const admission: Admission<F> = { accepted: [], refused: [] };
  for (const file of chosen) {
    if (file.size > MAX_FILE_BYTES) admission.refused.push({ file, reason: 'tooBig' });
    else if (held + admission.accepted.length >= MAX_ATTACHMENTS) admission.refused.push({ file, reason: 'tooMany' });
    else admission.accepted.push(file);
  }
  return admission;
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size as people read it ("43 B", "840 kB", "2.4 MB"), in the reader's language. */
export function formatSize(bytes: number, language: string): string {
  // Intl's short "byte" differs by language ("43 byte", "43 bytes"); the symbol reads the same in all.
  if (bytes < 1000) return `${new Intl.NumberFormat(language).format(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return new Intl.NumberFormat(language, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}

/** The share (0..1) of a transfer done; 0 while its total is unknown. */
export const progressOf = (loaded: number, total: number): number => (total > 0 ? Math.min(1, loaded / total) : 0);
