// @vitest-environment node
/**
 * The inbox list is a query snapshot kept current by `interactionChanged` events. These tests pin
 * how events merge into the list (order, staleness, removals, events that race the snapshot) and
 * how the tabs and the search box narrow it. Pure functions: no DOM, no server.
 */
import { describe, expect, it } from 'vitest';
import { applyChange, needsRefetch, filterRows, waitingSince, inboxTabs, mergeSnapshot, type InboxChange, type InboxRow, type InboxTray } from '../inboxRules';

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
    assignedAt: null,
    lastSequence: 0,
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

describe('merging interactionChanged events into the list', () => {
  it('adds a created interaction, newest first', () => {
    const older = row();
    const newer = row();
    expect(ids(applyChange([older], created(newer)))).toEqual([newer.id, older.id]);
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

  it('replays events that arrived while the snapshot was loading on top of it', () => {
    const inSnapshot = row();
    const leftSight = row();
    const arrivedLate = row();
    const rows = mergeSnapshot([inSnapshot, leftSight], [created(arrivedLate), removed(leftSight.id)]);
    expect(ids(rows)).toEqual([arrivedLate.id, inSnapshot.id]);
  });

  it('keeps the snapshot when a replayed event is older than it', () => {
    const fresh = row({ updatedAt: '2026-01-01T12:00:00.000Z', phase: 'CLOSED' });
    const before = { ...fresh, updatedAt: '2026-01-01T11:00:00.000Z', phase: 'IN_SERVICE' as const };
    expect(mergeSnapshot([fresh], [updated(before)])).toEqual([fresh]);
  });

  it('lists a chat that closed between the open and the closed query once, as it was last', () => {
    const open = row({ phase: 'IN_SERVICE' });
    const closed = { ...open, phase: 'CLOSED' as const, updatedAt: '2026-01-01T12:00:00.000Z' };
    expect(mergeSnapshot([open, closed], [])).toEqual([closed]);
    expect(mergeSnapshot([closed, open], [])).toEqual([closed]);
  });

  it('lists open interactions before closed ones, whatever their age', () => {
    const open = row();
    const closed = row({ phase: 'CLOSED' });
    expect(ids(mergeSnapshot([closed, open], []))).toEqual([open.id, closed.id]);
  });
});

describe('a resync from the server', () => {
  it('asks for a fresh list; ordinary changes do not', () => {
    expect(needsRefetch({ kind: 'RESYNC', interactionId: null, interaction: null })).toBe(true);
    expect(needsRefetch(removed('a'))).toBe(false);
    expect(needsRefetch(created(row({ id: 'b' })))).toBe(false);
  });
});

describe('filtering by tab and search', () => {
  const waiting = row({ contact: { id: 'k-a', name: 'José Pérez', email: null, phone: null } });
  const needsHelp = row({ phase: 'IN_SERVICE', status: 'NEEDS_HELP', campaign: { id: 'c2', name: 'Support', timeZone: 'UTC' } });
  const closed = row({ phase: 'CLOSED', status: 'NEEDS_HELP', tray: { id: 't-closed', name: 'Closed', kind: 'CLOSED' } });
  const inSales = row({ tray: { id: 't-sales', name: 'Sales', kind: 'CUSTOM' } });
  const rows = [waiting, needsHelp, closed, inSales];

  it('"All" shows every interaction', () => {
    expect(filterRows(rows, 'all', '')).toHaveLength(4);
  });

  it('"Needs help" shows open interactions whose status is NEEDS_HELP', () => {
    expect(ids(filterRows(rows, 'needs-help', ''))).toEqual([needsHelp.id]);
  });

  it('"Closed" shows the interactions in phase CLOSED', () => {
    expect(ids(filterRows(rows, 'closed', ''))).toEqual([closed.id]);
  });

  it('a tray tab shows the open interactions in that tray', () => {
    expect(ids(filterRows(rows, 'tray:t-sales', ''))).toEqual([inSales.id]);
  });

  it('search matches the contact name, ignoring case and accents', () => {
    expect(ids(filterRows(rows, 'all', 'jose perez'))).toEqual([waiting.id]);
  });

  it('search matches the campaign name', () => {
    expect(ids(filterRows(rows, 'all', 'SUPP'))).toEqual([needsHelp.id]);
  });

  it('search matches the protocol', () => {
    expect(ids(filterRows(rows, 'all', inSales.protocol.toLowerCase()))).toEqual([inSales.id]);
  });

  it('search applies within the chosen tab', () => {
    expect(filterRows(rows, 'closed', 'support')).toEqual([]);
  });
});

describe('the tabs', () => {
  const trays: InboxTray[] = [
    { id: 't1', name: 'General', kind: 'GENERAL', campaignId: 'c1' },
    { id: 't2', name: 'General', kind: 'GENERAL', campaignId: 'c2' },
    { id: 't3', name: 'Closed', kind: 'CLOSED', campaignId: 'c1' },
  ];
  const rows = [
    row({ tray: { id: 't1', name: 'General', kind: 'GENERAL' }, campaign: { id: 'c1', name: 'Sales', timeZone: 'UTC' } }),
    row({ tray: { id: 't2', name: 'General', kind: 'GENERAL' }, campaign: { id: 'c2', name: 'Support', timeZone: 'UTC' } }),
    row({ tray: { id: 't2', name: 'General', kind: 'GENERAL' }, campaign: { id: 'c2', name: 'Support', timeZone: 'UTC' }, status: 'NEEDS_HELP' }),
  ];

  it('come in order All, Needs help, one per open tray, Closed, with their counts', () => {
    expect(inboxTabs(trays, rows).map((tab) => [tab.key, tab.count])).toEqual([
      ['all', 3],
      ['needs-help', 1],
      ['tray:t1', 1],
      ['tray:t2', 2],
      ['closed', 0],
    ]);
  });

  it('name trays that share a name after their campaign', () => {
    const names = inboxTabs(trays, rows).flatMap((tab) => ('trayName' in tab ? [tab.trayName] : []));
    expect(names).toEqual(['General · Sales', 'General · Support']);
  });
});

describe('the time a row shows', () => {
  it('counts a waiting chat from when it entered the tray, an open one from its start, a closed one not at all', () => {
    const queuedAt = '2026-01-01T11:00:00.000Z';
    expect(waitingSince(row({ queuedAt }))).toBe(queuedAt);
    const held = row({ phase: 'IN_SERVICE', queuedAt });
    expect(waitingSince(held)).toBe(held.createdAt);
    expect(waitingSince(row({ phase: 'CLOSED' }))).toBeNull();
  });
});
