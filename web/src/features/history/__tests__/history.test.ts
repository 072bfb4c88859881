// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { earlierConversations, type PastConversation } from '../history';

const conversation = (id: string, createdAt: string): PastConversation => ({
  id,
  protocol: `P-${id}`,
  phase: 'CLOSED',
  status: 'IN_PROGRESS',
  channel: 'WEBCHAT',
  createdAt,
  updatedAt: createdAt,
  queuedAt: null,
  waitingSince: null,
  assignedAt: null,
  firstAssignedAt: null,
  transferCount: 0,
  language: null,
  participants: [],
  lastSequence: 3,
  result: 'SUCCESS',
  closedAt: createdAt,
  campaign: { id: 'c1', name: 'Sales', timeZone: 'UTC' },
  contact: { id: 'k1', name: 'Ana', email: 'ana@example.com', phone: null },
  tray: null,
  agent: null,
});

describe("a contact's earlier conversations", () => {
  it('leave out the one on screen and come newest first', () => {
    const rows = [conversation('old', '2026-01-01T10:00:00Z'), conversation('current', '2026-01-03T10:00:00Z'), conversation('recent', '2026-01-02T10:00:00Z')];
    expect(earlierConversations(rows, 'current').map((row) => row.id)).toEqual(['recent', 'old']);
  });
});
