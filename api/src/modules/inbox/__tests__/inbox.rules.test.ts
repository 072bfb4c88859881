import { describe, expect, it } from 'vitest';
import { ALL } from '../../auth/scope.rules.js';
import { ContactState } from '../../contacts/contact.enums.js';
import { InteractionStatus, Phase } from '../../interactions/interaction.enums.js';
import { ChangeKind } from '../../interactions/interaction.enums.js';
import type { InteractionView } from '../../interactions/interaction.view.js';
import type { ChatLocation } from '../../interactions/visibility.rules.js';
import { TrayKind } from '../../trays/tray.enums.js';
import { Role } from '../../users/user.enums.js';
import { concernsMany, countChanges, countsFor, foldChange, isListed, later, namedIn, queuePlace, type Staff } from '../inbox.rules.js';

const waiting: ChatLocation = {
  interactionId: 'i1',
  campaignId: 'manual',
  phase: Phase.WAITING,
  trayId: 't-general',
  trayKind: TrayKind.GENERAL,
  trayOwnerId: null,
  agentId: null,
  participantIds: [],
  contactState: ContactState.TRAY,
  status: InteractionStatus.IN_PROGRESS,
  startedByKeyId: null,
};
const agent = (id: string): Staff => ({ kind: 'STAFF', userId: id, role: Role.AGENT, customTrayIds: new Set(), scope: ALL });
const supervisor: Staff = { kind: 'STAFF', userId: 's', role: Role.SUPERVISOR, customTrayIds: new Set(), scope: ALL };
const picksFrom = (campaignId: string) => campaignId === 'manual';
const automatic = { ...waiting, campaignId: 'auto' };
const held = (by: string, where = waiting): ChatLocation => ({ ...where, phase: Phase.IN_SERVICE, agentId: by, contactState: ContactState.AGENT });

describe('what an inbox lists', () => {
  it('an agent: a waiting chat only where agents pick; one routed automatically is counted, not listed', () => {
    expect(isListed(agent('a'), waiting, picksFrom)).toBe(true);
    expect(isListed(agent('a'), automatic, picksFrom)).toBe(false);
    expect(concernsMany(automatic, picksFrom)).toBe(false);
    expect(concernsMany(waiting, picksFrom)).toBe(true);
  });

  it('an agent: its own chats wherever they are, closed ones included; not a colleague’s unless it asks for help', () => {
    expect(isListed(agent('a'), held('a', automatic), picksFrom)).toBe(true);
    expect(isListed(agent('a'), { ...held('a'), phase: Phase.CLOSED }, picksFrom)).toBe(true);
    expect(isListed(agent('a'), held('b'), picksFrom)).toBe(false);
    expect(isListed(agent('a'), { ...held('b', automatic), status: InteractionStatus.NEEDS_HELP }, picksFrom)).toBe(true);
    const personal = { ...automatic, trayId: 't-p', trayKind: TrayKind.PERSONAL, trayOwnerId: 'a' };
    expect(isListed(agent('a'), personal, picksFrom)).toBe(true);
    expect(queuePlace(agent('a'), personal)).toBeNull();
    expect(namedIn(personal)).toEqual(['a']);
  });

  it('a supervisor: everything it may see, uncapped; a bot’s chat is nobody’s to list for an agent', () => {
    const withBot = { ...automatic, phase: Phase.BOT, trayId: null, trayKind: null, contactState: ContactState.BOT };
    expect(isListed(supervisor, automatic, picksFrom)).toBe(true);
    expect(isListed(supervisor, withBot, picksFrom)).toBe(true);
    expect(isListed(agent('a'), withBot, picksFrom)).toBe(false);
    expect(queuePlace(supervisor, waiting)).toBeNull();
    expect(queuePlace(agent('a'), waiting)).toBe('t-general');
  });

  it('never lists what the visibility table hides: a custom tray without access', () => {
    expect(isListed(agent('a'), { ...waiting, trayId: 't-vip', trayKind: TrayKind.CUSTOM }, picksFrom)).toBe(false);
  });
});

describe('folding a frame', () => {
  const view = { id: 'i1', revision: 3, updatedAt: '2026-12-06T10:00:00.000Z' } as InteractionView;

  it('tells the last state: created, updated, removed, or nothing for a chat that came and went', () => {
    expect(foldChange(false, view, true)).toEqual({ kind: ChangeKind.CREATED, interactionId: 'i1', interaction: view });
    expect(foldChange(true, view, true)).toEqual({ kind: ChangeKind.UPDATED, interactionId: 'i1', interaction: view });
    expect(foldChange(true, view, false)).toEqual({ kind: ChangeKind.REMOVED, interactionId: 'i1', interaction: null });
    expect(foldChange(false, view, false)).toBeNull();
  });

  it('keeps the later of two views, whichever arrives last', () => {
    const newer = { ...view, revision: 4 };
    const touched = { ...view, updatedAt: '2026-12-06T10:00:01.000Z' };
    expect(later(newer, view)).toBe(newer);
    expect(later(view, newer)).toBe(newer);
    expect(later(touched, view)).toBe(touched);
  });
});

describe('queue counts', () => {
  const counts = [
    { trayId: 't-general', campaignId: 'manual', trayKind: TrayKind.GENERAL, trayOwnerId: null, waiting: 4 },
    { trayId: 't-vip', campaignId: 'manual', trayKind: TrayKind.CUSTOM, trayOwnerId: null, waiting: 2 },
    { trayId: 't-p', campaignId: 'manual', trayKind: TrayKind.PERSONAL, trayOwnerId: 'a', waiting: 1 },
    { trayId: 't-p', campaignId: 'auto', trayKind: TrayKind.PERSONAL, trayOwnerId: 'a', waiting: 2 },
  ];

  it('are those of the trays the person sees, a personal tray summed over campaigns', () => {
    expect([...countsFor(agent('a'), counts)]).toEqual([
      ['t-general', 4],
      ['t-p', 3],
    ]);
    expect([...countsFor(agent('b'), counts)]).toEqual([['t-general', 4]]);
    expect(countsFor(supervisor, counts).get('t-vip')).toBe(2);
  });

  it('are told when they change, a tray that emptied as 0', () => {
    const told = new Map([
      ['t1', 2],
      ['t2', 1],
    ]);
    expect(
      countChanges(
        told,
        new Map([
          ['t1', 2],
          ['t3', 5],
        ]),
      ),
    ).toEqual([
      { trayId: 't2', waiting: 0 },
      { trayId: 't3', waiting: 5 },
    ]);
    expect(countChanges(told, told)).toEqual([]);
  });
});
