import { describe, expect, it } from 'vitest';
import { ContactState } from '../../contacts/contact.enums.js';
import { TrayKind } from '../../trays/tray.enums.js';
import { Role } from '../../users/user.enums.js';
import { InteractionStatus, Phase } from '../interaction.enums.js';
import { ALL, type Scope } from '../../auth/scope.rules.js';
import { canSee, type ChatLocation, couldHaveTaken, type Onlooker } from '../visibility.rules.js';
import { visibilitySql } from '../interaction.queries.js';

const base: ChatLocation = {
  interactionId: 'i1',
  campaignId: 'c1',
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
const agent = (id: string, custom: string[] = []): Onlooker => ({ kind: 'STAFF', userId: id, role: Role.AGENT, customTrayIds: new Set(custom), scope: ALL });
const supervisor: Onlooker = { kind: 'STAFF', userId: 's', role: Role.SUPERVISOR, customTrayIds: new Set(), scope: ALL };
const within = (...campaignIds: string[]): Scope => ({ kind: 'LIMITED', campaignIds: new Set(campaignIds), securityGroupId: 'g1' });
const key = (scope: Scope, supervise = false, bridge = false): Onlooker => ({ kind: 'KEY', keyId: 'k1', supervise, bridge, scope });

describe('the visibility table', () => {
  it('shows a chat with a bot to everyone, but a visitor only its own', () => {
    const loc = { ...base, phase: Phase.BOT, trayId: null, trayKind: null, contactState: ContactState.BOT };
    expect(canSee(agent('a'), loc)).toBe(true);
    expect(canSee(key(ALL), loc)).toBe(true);
    expect(canSee({ kind: 'VISITOR', interactionId: 'other' }, loc)).toBe(false);
    expect(canSee({ kind: 'VISITOR', interactionId: 'i1' }, loc)).toBe(true);
    expect(canSee({ kind: 'NOBODY' }, loc)).toBe(false);
  });

  it('shows a chat in the General tray to every agent', () => {
    expect(canSee(agent('a'), base)).toBe(true);
  });

  it('shows a chat in a custom tray only to agents with access, and to supervisors', () => {
    const loc = { ...base, trayId: 't-sales', trayKind: TrayKind.CUSTOM };
    expect(canSee(agent('a', ['t-sales']), loc)).toBe(true);
    expect(canSee(agent('b'), loc)).toBe(false);
    expect(canSee(supervisor, loc)).toBe(true);
  });

  it('shows a chat in a personal tray to its owner and supervisors', () => {
    const loc = { ...base, trayId: 't-p', trayKind: TrayKind.PERSONAL, trayOwnerId: 'a' };
    expect(canSee(agent('a'), loc)).toBe(true);
    expect(canSee(agent('b'), loc)).toBe(false);
    expect(canSee(supervisor, loc)).toBe(true);
  });

  it('shows a held chat to its agent and supervisors only', () => {
    const loc = { ...base, phase: Phase.IN_SERVICE, agentId: 'a', contactState: ContactState.AGENT };
    expect(canSee(agent('a'), loc)).toBe(true);
    expect(canSee(agent('b'), loc)).toBe(false);
    expect(canSee(supervisor, loc)).toBe(true);
    expect(canSee(key(ALL), loc)).toBe(false);
    expect(canSee(key(within('c1'), true), loc)).toBe(true);
  });

  it("lists a held chat that asks for help for every agent with access to the campaign's general tray, wherever it sits", () => {
    const loc = { ...base, phase: Phase.IN_SERVICE, agentId: 'a', contactState: ContactState.AGENT, status: InteractionStatus.NEEDS_HELP };
    expect(canSee(agent('b'), loc)).toBe(true);
    expect(canSee(agent('b'), { ...loc, trayId: 't-sales', trayKind: TrayKind.CUSTOM })).toBe(true);
    expect(canSee(agent('b'), { ...loc, trayId: 't-a', trayKind: TrayKind.PERSONAL, trayOwnerId: 'a' })).toBe(true);
    expect(canSee({ ...agent('b'), scope: within('c2') }, loc)).toBe(false);
    expect(canSee(agent('b'), { ...loc, status: InteractionStatus.IN_PROGRESS })).toBe(false);
  });

  it('shows a chat to whoever joined it until they leave, in any phase, and only within their scope', () => {
    const loc = { ...base, phase: Phase.IN_SERVICE, agentId: 'a', contactState: ContactState.AGENT, participantIds: ['b'] };
    expect(canSee(agent('b'), loc)).toBe(true);
    expect(canSee(agent('b'), { ...loc, phase: Phase.WAITING, agentId: null, trayId: 't-a', trayKind: TrayKind.PERSONAL, trayOwnerId: 'a' })).toBe(true);
    expect(canSee(agent('c'), loc)).toBe(false);
    expect(canSee({ ...agent('b'), scope: within('c2') }, loc)).toBe(false);
  });

  it('shows expired and closed chats to everyone', () => {
    expect(canSee(agent('b'), { ...base, phase: Phase.IN_SERVICE, agentId: 'a', contactState: ContactState.EXPIRED })).toBe(true);
    expect(canSee(agent('b'), { ...base, phase: Phase.CLOSED, agentId: 'a', trayKind: TrayKind.CLOSED })).toBe(true);
  });

  it('keeps a key inside its campaigns, whatever its scope', () => {
    expect(canSee(key(within('c2'), true), base)).toBe(false);
    expect(canSee(key(within('c1'), true), base)).toBe(true);
  });

  it('shows a CHANNEL key the chats it started wherever they are, as their customer sees them, and no other key', () => {
    const bridged = { ...base, phase: Phase.IN_SERVICE, agentId: 'a', contactState: ContactState.AGENT, startedByKeyId: 'k1' };
    expect(canSee(key(ALL, false, true), bridged)).toBe(true);
    expect(canSee(key(ALL, false, true), { ...bridged, startedByKeyId: 'k2' })).toBe(false);
    expect(canSee(key(ALL, false, false), bridged)).toBe(false);
    expect(canSee(key(within('c2'), false, true), bridged)).toBe(false);
  });

  it('says the same in SQL as in JavaScript: a bridge adds its own chats, within its scope', () => {
    expect(visibilitySql(key(within('c1'), false, true))).toEqual({
      sql: "(i.campaign_id = any(?::uuid[]) and ((i.phase in ('BOT', 'CLOSED') or ct.state = 'EXPIRED' or t.kind = 'CLOSED') or i.started_by_key_id = ?))",
      params: ['{c1}', 'k1'],
    });
    expect(visibilitySql(key(ALL, true, true))).toEqual({ sql: '(true and (true or i.started_by_key_id = ?))', params: ['k1'] });
    expect(visibilitySql(key(ALL))).toEqual({ sql: "(true and (i.phase in ('BOT', 'CLOSED') or ct.state = 'EXPIRED' or t.kind = 'CLOSED'))", params: [] });
  });

  it('keeps grouped staff of every role inside their campaigns, even for chats the table shows everyone', () => {
    const closed = { ...base, phase: Phase.CLOSED, trayKind: TrayKind.CLOSED };
    for (const role of [Role.AGENT, Role.SUPERVISOR, Role.ADMIN]) {
      const grouped: Onlooker = { kind: 'STAFF', userId: 'x', role, customTrayIds: new Set(), scope: within('c2') };
      expect(canSee(grouped, base)).toBe(false);
      expect(canSee(grouped, closed)).toBe(false);
      expect(canSee({ ...grouped, scope: within('c1') }, base)).toBe(true);
    }
  });

  it('reaches nothing with a scope of no campaign', () => {
    expect(canSee(key(within(), true), { ...base, phase: Phase.BOT })).toBe(false);
  });

  it('tells a taker that lost the race apart from a stranger', () => {
    const taken = { ...base, phase: Phase.IN_SERVICE, agentId: 'a', contactState: ContactState.AGENT };
    expect(couldHaveTaken(agent('b'), taken)).toBe(true);
    expect(couldHaveTaken(agent('b'), { ...taken, trayId: 't-sales', trayKind: TrayKind.CUSTOM })).toBe(false);
  });
});
