import { describe, expect, it } from 'vitest';
import { AuthorKind } from '../../messages/message.enums.js';
import { Role } from '../../users/user.enums.js';
import { InteractionResult, Phase } from '../interaction.enums.js';
import { authorFor, closingResult, mayClose, mayHandOff, mayTake, startingPhase } from '../interaction.rules.js';

const chat = (phase: Phase, agentId: string | null = null) => ({ id: 'i1', phase, agentId });
const agentA = { kind: 'USER' as const, userId: 'a', role: Role.AGENT };
const supervisor = { kind: 'USER' as const, userId: 's', role: Role.SUPERVISOR };

describe('starting', () => {
  it('starts with a bot when a bot starts it or the campaign puts a bot first, else waits in a tray', () => {
    expect(startingPhase(true, false)).toBe(Phase.BOT);
    expect(startingPhase(false, true)).toBe(Phase.BOT);
    expect(startingPhase(false, false)).toBe(Phase.WAITING);
  });
});

describe('who writes as whom', () => {
  it('lets the customer write as CONTACT into its own chat only', () => {
    expect(authorFor({ kind: 'VISITOR', interactionId: 'i1' }, chat(Phase.WAITING), false)).toEqual({ ok: true, value: AuthorKind.CONTACT });
    expect(authorFor({ kind: 'VISITOR', interactionId: 'i2' }, chat(Phase.WAITING), false).ok).toBe(false);
  });

  it('lets an agent answer only a chat it holds', () => {
    expect(authorFor(agentA, chat(Phase.IN_SERVICE, 'a'), false)).toEqual({ ok: true, value: AuthorKind.AGENT });
    expect(authorFor(agentA, chat(Phase.IN_SERVICE, 'b'), false)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(authorFor(agentA, chat(Phase.WAITING), false)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets a bot write only while it serves', () => {
    expect(authorFor({ kind: 'BOT' }, chat(Phase.BOT), false)).toEqual({ ok: true, value: AuthorKind.BOT });
    expect(authorFor({ kind: 'BOT' }, chat(Phase.WAITING), false)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('lets a supervisor write internal notes at any time, and nobody write into a closed chat', () => {
    expect(authorFor(supervisor, chat(Phase.WAITING), true)).toEqual({ ok: true, value: AuthorKind.SUPERVISOR });
    expect(authorFor(supervisor, chat(Phase.CLOSED), true)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(authorFor({ kind: 'VISITOR', interactionId: 'i1' }, chat(Phase.WAITING), true)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('taking', () => {
  it('takes only waiting chats and never above the maximum', () => {
    expect(mayTake(chat(Phase.WAITING), 2, 3).ok).toBe(true);
    expect(mayTake(chat(Phase.WAITING), 3, 3)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(mayTake(chat(Phase.IN_SERVICE, 'b'), 0, 3)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('closing', () => {
  it('is for the holding agent or a supervisor; ESCALATED is not the holder’s to choose', () => {
    expect(mayClose(agentA, chat(Phase.IN_SERVICE, 'a'), InteractionResult.SUCCESS).ok).toBe(true);
    expect(mayClose(agentA, chat(Phase.IN_SERVICE, 'a'), InteractionResult.ESCALATED)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(mayClose(agentA, chat(Phase.IN_SERVICE, 'b'), InteractionResult.SUCCESS)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(mayClose(supervisor, chat(Phase.IN_SERVICE, 'b'), InteractionResult.ESCALATED).ok).toBe(true);
    expect(mayClose(supervisor, chat(Phase.CLOSED), InteractionResult.SUCCESS)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('the result a chat ends with', () => {
  it('is ESCALATED when a chat handed on between operators ends well; other results stand', () => {
    expect(closingResult(InteractionResult.SUCCESS, 0)).toBe(InteractionResult.SUCCESS);
    expect(closingResult(InteractionResult.SUCCESS, 1)).toBe(InteractionResult.ESCALATED);
    expect(closingResult(InteractionResult.NO_ANSWER, 2)).toBe(InteractionResult.NO_ANSWER);
  });
});

describe('handing off', () => {
  it('goes from a bot to a queue tray of the same campaign', () => {
    expect(mayHandOff(chat(Phase.BOT), 'c1', 'c1', true).ok).toBe(true);
    expect(mayHandOff(chat(Phase.BOT), 'c2', 'c1', true)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(mayHandOff(chat(Phase.BOT), 'c1', 'c1', false)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(mayHandOff(chat(Phase.WAITING), 'c1', 'c1', true)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
