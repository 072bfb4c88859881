/** How a chat's duration shows on the live dashboard. */
export enum ChatBand {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
}

/** A campaign's three chat-time thresholds in seconds, increasing (checked when the campaign is saved). */
export type ChatThresholds = readonly [first: number, second: number, third: number];

const elapsedSeconds = (startedAt: Date, now: Date): number => (now.getTime() - startedAt.getTime()) / 1000;

/**
 * Green within the first threshold, yellow up to the second, red from the second on. A threshold
 * belongs to the band it opens, as a schedule range's `from` does.
 */
export function chatBand([first, second]: ChatThresholds, startedAt: Date, now: Date): ChatBand {
  const elapsed = elapsedSeconds(startedAt, now);
  if (elapsed < first) return ChatBand.GREEN;
  return elapsed < second ? ChatBand.YELLOW : ChatBand.RED;
}

/** Whether the agent holding the chat shows an alert: the third threshold is reached. */
export function chatAlert([, , third]: ChatThresholds, startedAt: Date, now: Date): boolean {
  return elapsedSeconds(startedAt, now) >= third;
}
