import { describe, expect, it } from 'vitest';
import { ContactState } from '../../contacts/contact.enums.js';
import { TrayKind } from '../../trays/tray.enums.js';
import { Role } from '../../users/user.enums.js';
import { InteractionStatus, Phase } from '../interaction.enums.js';
import { canSee, type ChatLocation, couldHaveTaken, type Onlooker } from '../visibility.rules.js';

const base: ChatLocation = {
  interactionId: 'i1',
  campaignId: 'c1',
  phase: Phase.WAITING,
  trayId: 't-general',
  trayKind: TrayKind.GENERAL,
  trayOwnerId: null,
  agentId: null,
  contactState: ContactState.TRAY,
  status: InteractionStatus.IN_PROGRESS,
};
const agent = (id: string, custom: string[] = []): Onlooker => ({ kind: 'STAFF', userId: id, role: Role.AGENT, customTrayIds: new Set(custom) });
const supervisor: Onlooker = { kind: 'STAFF', userId: 's', role: Role.SUPERVISOR, customTrayIds: new Set() };

describe('the visibility table', () => {
  it('shows a chat with a bot to everyone, but a visitor only its own', () => {
    const loc = { ...base, phase: Phase.BOT, trayId: null, trayKind: null, contactState: ContactState.BOT };
    expect(canSee(agent('a'), loc)).toBe(true);
    expect(canSee({ kind: 'KEY', supervise: false, campaignIds: [] }, loc)).toBe(true);
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
    expect(canSee({ kind: 'KEY', supervise: false, campaignIds: [] }, loc)).toBe(false);
    expect(canSee({ kind: 'KEY', supervise: true, campaignIds: ['c1'] }, loc)).toBe(true);
  });

  it('lists a held chat that asks for help for the agents with access to its tray', () => {
    const loc = { ...base, phase: Phase.IN_SERVICE, agentId: 'a', contactState: ContactState.AGENT, status: InteractionStatus.NEEDS_HELP };
    expect(canSee(agent('b'), loc)).toBe(true);
    expect(canSee(agent('b'), { ...loc, trayId: 't-sales', trayKind: TrayKind.CUSTOM })).toBe(false);
    expect(canSee(agent('c', ['t-sales']), { ...loc, trayId: 't-sales', trayKind: TrayKind.CUSTOM })).toBe(true);
  });

  it('shows expired and closed chats to everyone', () => {
    expect(canSee(agent('b'), { ...base, phase: Phase.IN_SERVICE, agentId: 'a', contactState: ContactState.EXPIRED })).toBe(true);
    expect(canSee(agent('b'), { ...base, phase: Phase.CLOSED, agentId: 'a', trayKind: TrayKind.CLOSED })).toBe(true);
  });

  it('keeps a key inside its campaigns, whatever its scope', () => {
    expect(canSee({ kind: 'KEY', supervise: true, campaignIds: ['c2'] }, base)).toBe(false);
  });

  it('tells a taker that lost the race apart from a stranger', () => {
    const taken = { ...base, phase: Phase.IN_SERVICE, agentId: 'a', contactState: ContactState.AGENT };
    expect(couldHaveTaken(agent('b'), taken)).toBe(true);
    expect(couldHaveTaken(agent('b'), { ...taken, trayId: 't-sales', trayKind: TrayKind.CUSTOM })).toBe(false);
  });
});
