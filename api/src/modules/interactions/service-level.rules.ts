/** A chat's passage through the queue, as the service level counts it. */
export interface QueuedChat {
  queuedAt: Date;
  /** When an agent got it; null while it still waits. */
  assignedAt: Date | null;
}

/** How a chat counts towards the service level so far. */
export enum ServiceLevelOutcome {
  MET = 'MET',
  MISSED = 'MISSED',
  /** Still waiting within the level: it may yet be met, so it is not counted. */
  PENDING = 'PENDING',
}

/** Met when answered within the level (exactly at it counts); missed once the wait passes it, answered or not. */
export function serviceLevelOutcome(chat: QueuedChat, serviceLevelSeconds: number, now: Date): ServiceLevelOutcome {
  const waitedMs = (chat.assignedAt ?? now).getTime() - chat.queuedAt.getTime();
  if (waitedMs > serviceLevelSeconds * 1000) return ServiceLevelOutcome.MISSED;
  return chat.assignedAt ? ServiceLevelOutcome.MET : ServiceLevelOutcome.PENDING;
}

/** The share (0..1) of counted chats answered within the level; null while none counts yet. */
export function serviceLevel(chats: readonly QueuedChat[], serviceLevelSeconds: number, now: Date): number | null {
  let met = 0;
  let counted = 0;
  for (const chat of chats) {
    const outcome = serviceLevelOutcome(chat, serviceLevelSeconds, now);
    if (outcome === ServiceLevelOutcome.PENDING) continue;
    counted++;
    if (outcome === ServiceLevelOutcome.MET) met++;
  }
  return counted === 0 ? null : met / counted;
}
