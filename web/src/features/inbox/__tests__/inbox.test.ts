// @vitest-environment node
/**
 * The inbox list is the person's inbox feed: a first frame with everything, then frames of changes
 * and queue counts. These tests pin how frames make the list (order, staleness, removals, resets,
 * counts) and how the tabs and the search box narrow it. Pure functions: no DOM, no server.
 */
import { describe, expect, it } from 'vitest';
import {
  awaitsCustomer,
  applyChange,
  applyFrame,
  EMPTY_FEED,
  dedupeRows,
  filterRows,
  waitingSince,
  placeSince,
  inboxTabs,
  waitingTrays,
  type InboxChange,
  type InboxFilter,
  type InboxRow,
  type InboxTray,
} from '../inboxRules';

let serial = 0;

function row(overrides: Partial<InboxRow> = {}): InboxRow {
  serial += 1;
  return {
    id: `i${serial}`,
    protocol: `P-${1000 + serial}`,
    phase: 'WAITING',
    status: 'IN_PROGRESS',
    channel: 'WEBCHAT',
    createdAt: `2026-01-01T10:${String(serial).padStart(2, '0')}:00.000Z`,
    updatedAt: `2026-01-01T10:${String(serial).padStart(2, '0')}:00.000Z`,
    queuedAt: null,
    waitingSince: null,
    assignedAt: null,
    firstAssignedAt: null,
    closedAt: null,
    lastSequence: 0,
    transferCount: 0,
    language: null,
    participants: [],
    campaign: { id: 'c1', name: 'Sales webchat', timeZone: 'UTC' },
    contact: { id: `k${serial}`, name: 'Ana', email: null, phone: null },
    tray: { id: 't-general', name: 'General', kind: 'GENERAL' },
    agent: null,
    ...overrides,
  };
}

const created = (interaction: InboxRow): InboxChange => ({ kind: 'CREATED', interactionId: interaction.id, interaction });
const updated = (interaction: InboxRow): InboxChange => ({ kind: 'UPDATED', interactionId: interaction.id, interaction });
const removed = (id: string): InboxChange => ({ kind: 'REMOVED', interactionId: id, interaction: null });
const ids = (rows: readonly InboxRow[]) => rows.map((r) => r.id);
/** The list a first frame holding these rows makes. */
const listOf = (rows: InboxRow[]) => applyFrame(EMPTY_FEED, { reset: true, changes: rows.map(created), queues: [] }).rows;

describe("merging the feed's changes into the list", () => {
  it('adds a created interaction after the ones waiting longer', () => {
    const older = row();
    const newer = row();
    expect(ids(applyChange([older], created(newer)))).toEqual([older.id, newer.id]);
  });

  it('replaces an updated interaction in place instead of adding a second row', () => {
    const original = row();
    const taken = { ...original, phase: 'IN_SERVICE' as const, updatedAt: '2026-01-01T11:00:00.000Z', agent: { id: 'u1', name: 'Bea' } };
    const rows = applyChange([original], updated(taken));
    expect(rows).toEqual([taken]);
  });

  it('never lets an older version of a row overwrite a newer one', () => {
    const newer = row({ updatedAt: '2026-01-01T12:00:00.000Z', phase: 'IN_SERVICE' });
    const stale = { ...newer, updatedAt: '2026-01-01T11:00:00.000Z', phase: 'WAITING' as const };
    expect(applyChange([newer], updated(stale))).toEqual([newer]);
  });

  it('drops a removed interaction and ignores a removal it never had', () => {
    const kept = row();
    const gone = row();
    expect(ids(applyChange([kept, gone], removed(gone.id)))).toEqual([kept.id]);
    expect(ids(applyChange([kept], removed('unknown')))).toEqual([kept.id]);
  });

  it('lists a chat held twice (the feed and the Closed view) once, as it was last', () => {
    const open = row({ phase: 'IN_SERVICE' });
    const closed = { ...open, phase: 'CLOSED' as const, updatedAt: '2026-01-01T12:00:00.000Z' };
    expect(dedupeRows([open, closed])).toEqual([closed]);
    expect(dedupeRows([closed, open])).toEqual([closed]);
  });

  it('lists open interactions before closed ones, whatever their age', () => {
    const open = row();
    const closed = row({ phase: 'CLOSED' });
    expect(ids(listOf([closed, open]))).toEqual([open.id, closed.id]);
  });
});

describe('frames of the inbox feed', () => {
  it('a reset replaces everything the list and the counts held', () => {
    const kept = row();
    const gone = row();
    const before = applyFrame(EMPTY_FEED, {
      reset: true,
      changes: [created(kept), created(gone)],
      queues: [
        { trayId: 't1', waiting: 4 },
        { trayId: 't2', waiting: 1 },
      ],
    });
    const after = applyFrame(before, { reset: true, changes: [created(kept)], queues: [{ trayId: 't1', waiting: 3 }] });
    expect(ids(after.rows)).toEqual([kept.id]);
    expect([...after.counts]).toEqual([['t1', 3]]);
  });

  it('a frame of changes keeps what it does not name, and a tray counted 0 leaves the counts', () => {
    const a = row();
    const b = row();
    const before = applyFrame(EMPTY_FEED, {
      reset: true,
      changes: [created(a)],
      queues: [
        { trayId: 't1', waiting: 1 },
        { trayId: 't2', waiting: 2 },
      ],
    });
    const after = applyFrame(before, { reset: false, changes: [created(b)], queues: [{ trayId: 't1', waiting: 0 }] });
    expect(ids(after.rows)).toEqual([a.id, b.id]);
    expect([...after.counts]).toEqual([['t2', 2]]);
  });
});

const view = (tab: InboxFilter['tab'], search = '', trayId: string | null = null): InboxFilter => ({ tab, me: 'me', trayId, search });

describe('filtering by view and search', () => {
  const waiting = row({ contact: { id: 'k-a', name: 'José Pérez', email: null, phone: null } });
  const needsHelp = row({ phase: 'IN_SERVICE', status: 'NEEDS_HELP', agent: { id: 'other', name: 'Bo' }, campaign: { id: 'c2', name: 'Support', timeZone: 'UTC' } });
  const mine = row({ phase: 'IN_SERVICE', agent: { id: 'me', name: 'Me' }, tray: { id: 't-me', name: 'Personal', kind: 'PERSONAL' } });
  const closed = row({ phase: 'CLOSED', status: 'NEEDS_HELP', tray: { id: 't-closed', name: 'Closed', kind: 'CLOSED' } });
  const inSales = row({ tray: { id: 't-sales', name: 'Sales', kind: 'CUSTOM' } });
  const rows = [waiting, needsHelp, mine, closed, inSales];

  it('"Open" shows every open chat and never a closed one', () => {
    expect(ids(filterRows(rows, view('open')))).toEqual([waiting.id, needsHelp.id, mine.id, inSales.id]);
  });

  it('"Mine" shows the chats the person holds', () => {
    expect(ids(filterRows(rows, view('mine')))).toEqual([mine.id]);
  });

  it('"Waiting" shows chats waiting in any tray, or in the one chosen', () => {
    expect(ids(filterRows(rows, view('waiting')))).toEqual([waiting.id, inSales.id]);
    expect(ids(filterRows(rows, view('waiting', '', 't-sales')))).toEqual([inSales.id]);
  });

  it('"Needs help" shows open interactions whose status is NEEDS_HELP', () => {
    expect(ids(filterRows(rows, view('needs-help')))).toEqual([needsHelp.id]);
  });

  it('"Closed" shows the interactions in phase CLOSED', () => {
    expect(ids(filterRows(rows, view('closed')))).toEqual([closed.id]);
  });

  it('search matches the contact name, ignoring case and accents', () => {
    expect(ids(filterRows(rows, view('open', 'jose perez')))).toEqual([waiting.id]);
  });

  it('search matches the campaign name', () => {
    expect(ids(filterRows(rows, view('open', 'SUPP')))).toEqual([needsHelp.id]);
  });

  it('search matches the protocol', () => {
    expect(ids(filterRows(rows, view('open', inSales.protocol.toLowerCase())))).toEqual([inSales.id]);
  });

  it('search applies within the chosen view', () => {
    expect(filterRows(rows, view('closed', 'support'))).toEqual([]);
  });
});

describe('the views and the trays of the Waiting view', () => {
  const trays: InboxTray[] = [
    { id: 't1', name: 'General', kind: 'GENERAL', campaignId: 'c1' },
    { id: 't2', name: 'General', kind: 'GENERAL', campaignId: 'c2' },
    { id: 't3', name: 'General', kind: 'GENERAL', campaignId: 'c3' },
    { id: 't4', name: 'Closed', kind: 'CLOSED', campaignId: 'c1' },
  ];
  const rows = [
    row({ tray: { id: 't1', name: 'General', kind: 'GENERAL' }, campaign: { id: 'c1', name: 'Sales', timeZone: 'UTC' } }),
    row({ tray: { id: 't2', name: 'General', kind: 'GENERAL' }, campaign: { id: 'c2', name: 'Support', timeZone: 'UTC' } }),
    row({ phase: 'IN_SERVICE', agent: { id: 'me', name: 'Me' }, tray: { id: 't2', name: 'General', kind: 'GENERAL' }, campaign: { id: 'c2', name: 'Support', timeZone: 'UTC' }, status: 'NEEDS_HELP' }),
    row({ phase: 'CLOSED', tray: { id: 't4', name: 'Closed', kind: 'CLOSED' } }),
  ];

  it('come in order Open, Mine, Waiting, Needs help, Closed, with their counts', () => {
    expect(inboxTabs(rows, 'me', 2).map((tab) => [tab.key, tab.count])).toEqual([
      ['open', 3],
      ['mine', 1],
      ['waiting', 2],
      ['needs-help', 1],
      ['closed', 1],
    ]);
  });

  it('count the chats waiting beyond those listed (queues routed automatically, or longer than shown)', () => {
    const counts = inboxTabs(rows, 'me', 7).map((tab) => [tab.key, tab.count]);
    expect(counts).toContainEqual(['waiting', 7]);
    expect(counts).toContainEqual(['open', 8]);
  });

  it('list only trays holding waiting chats, named after their campaign when names repeat', () => {
    const counts = new Map([
      ['t1', 1],
      ['t2', 4],
    ]);
    expect(
      waitingTrays(
        trays,
        counts,
        rows.slice(0, 3).map((r) => r.campaign),
      ),
    ).toEqual([
      { trayId: 't1', name: 'General · Sales', count: 1 },
      { trayId: 't2', name: 'General · Support', count: 4 },
    ]);
  });
});

describe('the order of the list', () => {
  it('puts the customer who has waited longest first, whatever moves came between', () => {
    const movedLate = row({ waitingSince: '2026-01-01T09:00:00.000Z', queuedAt: '2026-01-01T11:30:00.000Z' });
    const fresh = row({ waitingSince: '2026-01-01T11:00:00.000Z', queuedAt: '2026-01-01T11:00:00.000Z' });
    expect(ids(listOf([fresh, movedLate]))).toEqual([movedLate.id, fresh.id]);
  });

  it('lists closed chats after open ones, the latest closed first', () => {
    const early = row({ phase: 'CLOSED', closedAt: '2026-01-01T12:00:00.000Z' });
    const late = row({ phase: 'CLOSED', closedAt: '2026-01-01T13:00:00.000Z' });
    const open = row();
    expect(ids(listOf([early, late, open]))).toEqual([open.id, late.id, early.id]);
  });
});

describe('the time a row shows', () => {
  it('counts a waiting customer from their first wait for a person, a held chat from its start, a closed one not at all', () => {
    const waitingSinceAt = '2026-01-01T10:30:00.000Z';
    const queuedAt = '2026-01-01T11:00:00.000Z';
    expect(waitingSince(row({ waitingSince: waitingSinceAt, queuedAt }))).toBe(waitingSinceAt);
    const held = row({ phase: 'IN_SERVICE', queuedAt });
    expect(waitingSince(held)).toBe(held.createdAt);
    expect(waitingSince(row({ phase: 'CLOSED' }))).toBeNull();
  });

  it('shows the time in the current place beside it only for a chat that moved', () => {
    expect(placeSince(row({ waitingSince: '2026-01-01T10:30:00.000Z', queuedAt: '2026-01-01T11:00:00.000Z' }))).toBe('2026-01-01T11:00:00.000Z');
    expect(placeSince(row({ waitingSince: '2026-01-01T10:30:00.000Z', queuedAt: '2026-01-01T10:30:00.000Z' }))).toBeNull();
    expect(placeSince(row({ phase: 'IN_SERVICE', firstAssignedAt: '2026-01-01T10:31:00.000Z', assignedAt: '2026-01-01T11:05:00.000Z' }))).toBe('2026-01-01T11:05:00.000Z');
    expect(placeSince(row({ phase: 'IN_SERVICE', firstAssignedAt: '2026-01-01T10:31:00.000Z', assignedAt: '2026-01-01T10:31:00.000Z' }))).toBeNull();
  });
});

describe('the hourglass', () => {
  it('marks a held chat waiting for the customer, nothing else', () => {
    expect(awaitsCustomer({ phase: 'IN_SERVICE', status: 'WAITING_FOR_CUSTOMER' })).toBe(true);
    expect(awaitsCustomer({ phase: 'IN_SERVICE', status: 'IN_PROGRESS' })).toBe(false);
    expect(awaitsCustomer({ phase: 'CLOSED', status: 'WAITING_FOR_CUSTOMER' })).toBe(false);
  });
});
