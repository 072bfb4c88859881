import { Role } from '../users/user.enums.js';

export const INTERNAL_MESSAGE_MAX_LENGTH = 4000;

/**
 * Who may write to whom between staff: supervisors and administrators to anyone, agents only to a
 * supervisor or an administrator (to answer one), never agent to agent, never to oneself.
 */
export function mayWriteTo(from: { id: string; role: Role }, to: { id: string; role: Role }): boolean {
  if (from.id === to.id) return false;
  return from.role !== Role.AGENT || to.role !== Role.AGENT;
}

/** The body as stored, or why it is refused. */
export function checkBody(body: string): { ok: true; body: string } | { ok: false; reason: string } {
  const trimmed = body.trim();
  if (!trimmed) return { ok: false, reason: 'Write something' };
  if (trimmed.length > INTERNAL_MESSAGE_MAX_LENGTH) return { ok: false, reason: `At most ${INTERNAL_MESSAGE_MAX_LENGTH} characters` };
  return { ok: true, body: trimmed };
}
