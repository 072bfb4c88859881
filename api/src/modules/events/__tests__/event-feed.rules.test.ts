import { describe, expect, it } from 'vitest';
import { Channel } from '../../interactions/interaction.enums.js';
import { ApiScope } from '../../auth/viewer.js';
import { Role } from '../../users/user.enums.js';
import type { Scope } from '../../auth/scope.rules.js';
import { compare, decodeCursor, doneIn, encodeCursor, feedData, feedMatches, mayReadFeed, parseSnapshot, pastStart, retentionStart, snapshotText, startMoment } from '../event-feed.rules.js';

describe('feed cursors', () => {
  it('round-trip a position and refuse anything Parley did not give out', () => {
    const p = { txid: 18446744073709551615n, id: 42n };
    expect(decodeCursor(encodeCursor(p))).toEqual(p);
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('1:2:3').toString('base64url'))).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it('order by transaction first, then by event id', () => {
    expect(compare({ txid: 5n, id: 100n }, { txid: 6n, id: 1n })).toBe(-1);
    expect(compare({ txid: 6n, id: 2n }, { txid: 6n, id: 1n })).toBe(1);
    expect(compare({ txid: 6n, id: 2n }, { txid: 6n, id: 2n })).toBe(0);
  });
});

describe('feed filters', () => {
  const event = { position: { txid: 1n, id: 1n }, campaignId: 'c1', channel: Channel.WEBCHAT, type: 'CLOSED' };
  const all = { campaignIds: [], channels: [], types: [] };

  it('keep a key to its own campaigns, whatever its filter asks', () => {
    const within = (...ids: string[]): Scope => ({ kind: 'LIMITED', campaignIds: new Set(ids), securityGroupId: null });
    expect(feedMatches(all, within('c2'), event)).toBe(false);
    expect(feedMatches({ ...all, campaignIds: ['c1'] }, within('c2'), event)).toBe(false);
    expect(feedMatches(all, within('c1'), event)).toBe(true);
    expect(feedMatches(all, within(), event)).toBe(false);
    expect(feedMatches(all, null, event)).toBe(true);
  });

  it('narrow by campaign, channel and type together', () => {
    expect(feedMatches({ campaignIds: ['c1'], channels: [Channel.WEBCHAT], types: ['CLOSED', 'TAKEN'] }, null, event)).toBe(true);
    expect(feedMatches({ ...all, channels: [Channel.SMS] }, null, event)).toBe(false);
    expect(feedMatches({ ...all, types: ['TAKEN'] }, null, event)).toBe(false);
  });
});

describe('who reads the feed', () => {
  const user = (role: Role) => ({ kind: 'USER' as const, userId: 'u', role, sessionId: 's', name: 'n', customTrayIds: [], scope: { kind: 'ALL' as const } });
  const key = (scopes: ApiScope[]) => ({ kind: 'API_KEY' as const, keyId: 'k', name: 'k', scopes, scope: { kind: 'ALL' as const } });
  it('is those who see every chat of their campaigns', () => {
    expect([user(Role.SUPERVISOR), user(Role.ADMIN), key([ApiScope.SUPERVISE]), key([ApiScope.ADMIN])].every(mayReadFeed)).toBe(true);
    expect([user(Role.AGENT), key([ApiScope.READ]), key([ApiScope.BOT]), { kind: 'ANONYMOUS' as const }].some(mayReadFeed)).toBe(false);
  });
});

describe('a reader from now', () => {
  it('skips the transactions a snapshot saw done, and keeps those still running or yet to come', () => {
    const snapshot = parseSnapshot('100:110:103,107');
    expect([99n, 100n, 102n, 104n, 109n].map((t) => doneIn(snapshot, t))).toEqual([true, true, true, true, true]);
    expect([103n, 107n, 110n, 150n].map((t) => doneIn(snapshot, t))).toEqual([false, false, false, false]);
    expect(parseSnapshot('5:5:').running.size).toBe(0);
  });

  it('forgets its snapshot once past every transaction it knew of, and keeps it as text in a hook', () => {
    const snapshot = parseSnapshot('100:110:103,107');
    let kept: typeof snapshot | null = snapshot;
    const skipped = [100n, 103n, 104n, 107n, 112n, 105n].map((txid) => {
      const past = pastStart(kept, txid);
      kept = past.startedAfter;
      return past.skip;
    });
    // 105 after 112 would be skipped by the snapshot, but the feed never goes back below a position passed.
    expect(skipped).toEqual([true, false, true, false, false, false]);
    expect(kept).toBeNull();
    expect(parseSnapshot(snapshotText(snapshot))).toEqual(snapshot);
  });
});

describe('what an event carries to integrators', () => {
  it('leaves a transfer’s staff note out and keeps where it went', () => {
    expect(feedData('TRANSFERRED', { trayId: 't1', agentId: null, note: 'VIP, be nice' })).toEqual({ trayId: 't1', agentId: null });
  });

  it('passes the other events’ details as they are', () => {
    const data = { result: 'SUCCESS', note: 'not a staff note here' };
    expect(feedData('CLOSED', data)).toBe(data);
  });
});

describe('where a reader asking for a moment starts', () => {
  const now = new Date('2026-12-05T12:00:00Z');

  it('starts at the moment asked while it is within the retention', () => {
    expect(startMoment(new Date('2026-12-01T08:00:00Z'), now, 30)).toEqual({ at: new Date('2026-12-01T08:00:00Z') });
  });

  it('starts at the retention’s start for any earlier moment, so "from the beginning" is any old date', () => {
    expect(startMoment(new Date(0), now, 7)).toEqual({ at: new Date('2026-11-28T12:00:00Z') });
    expect(retentionStart(now, 7)).toEqual(new Date('2026-11-28T12:00:00Z'));
  });

  it('refuses a moment to come', () => {
    expect(startMoment(new Date('2026-12-05T12:00:01Z'), now, 30)).toEqual({ refusal: 'Start from now or a moment past' });
  });
});

describe('a cursor as the feed reads it', () => {
  const cursor = (text: string) => Buffer.from(text).toString('base64url');

  it('names a position within PostgreSQL’s ranges, and nothing past them', () => {
    expect(decodeCursor(cursor('18446744073709551615:9223372036854775807'))).toEqual({ txid: 18446744073709551615n, id: 9223372036854775807n });
    // Past the event id's bigint, or the transaction's xid8: the shared read would fail for every reader.
    expect(decodeCursor(cursor('1000:99999999999999999999'))).toBeNull();
    expect(decodeCursor(cursor('18446744073709551616:1'))).toBeNull();
  });
});
