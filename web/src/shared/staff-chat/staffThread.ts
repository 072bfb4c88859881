/** The fields of an internal message that the thread's rules read. */
export interface ThreadMessage {
  id: string;
  fromUserId: string;
  fromName: string;
  toUserId: string;
  toName: string;
  createdAt: string;
}

/** The person on the other side of a message, seen from `me`. */
export function correspondent(message: ThreadMessage, me: string): { id: string; name: string } {
  return message.fromUserId === me ? { id: message.toUserId, name: message.toName } : { id: message.fromUserId, name: message.fromName };
}

/** Whether a message belongs to the thread between `me` and `other`. */
export function inThread(message: ThreadMessage, me: string, other: string): boolean {
  return correspondent(message, me).id === other && (message.fromUserId === me || message.toUserId === me);
}

/** Adds a message to a thread once (the live stream and a send's answer both bring it), oldest first. */
export function addToThread<T extends ThreadMessage>(thread: readonly T[], message: T): T[] {
  if (thread.some((m) => m.id === message.id)) return [...thread];
  return [...thread, message].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
}
