import { describe, expect, it } from 'vitest';
import { ApiScope } from '../../auth/viewer.js';
import { AuthorKind } from '../../messages/message.enums.js';
import { Role } from '../../users/user.enums.js';
import { Channel, InteractionResult, Phase } from '../interaction.enums.js';
import {
  type Actor,
  authorFor,
  closingResult,
  keyMayStart,
  mayActInBulk,
  mayActOnHeld,
  mayAnnotate,
  mayClose,
  mayHandOff,
  mayHandOffAs,
  mayJoin,
  mayTake,
  mayTransfer,
  startingPhase,
} from '../interaction.rules.js';

const chat = (phase: Phase, agentId: string | null = null) => ({ id: 'i1', phase, agentId, channel: Channel.WEBCHAT, startedByKeyId: null });
const agentA = { kind: 'USER' as const, userId: 'a', role: Role.AGENT };
const supervisor = { kind: 'USER' as const, userId: 's', role: Role.SUPERVISOR };
const key = (...scopes: ApiScope[]): Actor => ({ kind: 'KEY', keyId: 'k1', scopes });
const botKey = key(ApiScope.BOT);

describe('starting', () => {
  it('starts with a bot when a bot starts it or the campaign puts a bot first, else waits in a tray', () => {
    expect(startingPhase(true, false)).toBe(Phase.BOT);
    expect(startingPhase(false, true)).toBe(Phase.BOT);
    expect(startingPhase(false, false)).toBe(Phase.WAITING);
    // A key's choice for one chat wins over the campaign's default and over who started it.
    expect(startingPhase(false, false, true)).toBe(Phase.BOT);
    expect(startingPhase(true, true, false)).toBe(Phase.WAITING);
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
    expect(authorFor(botKey, chat(Phase.BOT), false)).toEqual({ ok: true, value: AuthorKind.BOT });
    expect(authorFor(botKey, chat(Phase.WAITING), false)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(authorFor(botKey, chat(Phase.IN_SERVICE, 'a'), false)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(authorFor(botKey, chat(Phase.BOT), true)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets a supervisor write internal notes at any time, and nobody write into a closed chat', () => {
    expect(authorFor(supervisor, chat(Phase.WAITING), true)).toEqual({ ok: true, value: AuthorKind.SUPERVISOR });
    expect(authorFor(supervisor, chat(Phase.CLOSED), true)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(authorFor({ kind: 'VISITOR', interactionId: 'i1' }, chat(Phase.WAITING), true)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('what a key writes as', () => {
  const bridged = (phase: Phase, startedByKeyId: string | null = 'k1', channel = Channel.WHATSAPP) => ({ ...chat(phase, phase === Phase.IN_SERVICE ? 'a' : null), channel, startedByKeyId });

  it('a READ key writes nothing, in any chat, in public or inside', () => {
    for (const phase of [Phase.BOT, Phase.WAITING, Phase.IN_SERVICE, Phase.CLOSED]) {
      for (const internal of [false, true]) {
        expect(authorFor(key(ApiScope.READ), bridged(phase), internal)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
        expect(authorFor(key(ApiScope.READ, ApiScope.ADMIN), bridged(phase), internal)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }
    }
  });

  it('a SUPERVISE key writes as a supervisor, never as the customer', () => {
    const supervise = key(ApiScope.SUPERVISE);
    expect(authorFor(supervise, chat(Phase.IN_SERVICE, 'a'), false)).toEqual({ ok: true, value: AuthorKind.SUPERVISOR });
    expect(authorFor(supervise, chat(Phase.WAITING), true)).toEqual({ ok: true, value: AuthorKind.SUPERVISOR });
    expect(authorFor(supervise, chat(Phase.BOT), false)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(authorFor(supervise, bridged(Phase.WAITING), false)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a CHANNEL key writes the customer’s side of the external chats it started, whatever their phase, and of no other', () => {
    const channel = key(ApiScope.CHANNEL);
    for (const phase of [Phase.BOT, Phase.WAITING, Phase.IN_SERVICE]) expect(authorFor(channel, bridged(phase), false)).toEqual({ ok: true, value: AuthorKind.CONTACT });
    expect(authorFor(channel, bridged(Phase.WAITING, 'k2'), false)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(authorFor(channel, bridged(Phase.WAITING, null), false)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(authorFor(channel, bridged(Phase.WAITING, 'k1', Channel.WEBCHAT), false)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(authorFor(channel, bridged(Phase.WAITING), true)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(authorFor(channel, bridged(Phase.CLOSED), false)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a key that is both a bot and a bridge is the customer in the chats it started and the bot in the others', () => {
    const both = key(ApiScope.BOT, ApiScope.CHANNEL);
    expect(authorFor(both, bridged(Phase.BOT), false)).toEqual({ ok: true, value: AuthorKind.CONTACT });
    expect(authorFor(both, bridged(Phase.BOT, 'k2'), false)).toEqual({ ok: true, value: AuthorKind.BOT });
  });
});

describe('starting as a key', () => {
  it('is for BOT (as the bot), SUPERVISE, and CHANNEL on an external channel only', () => {
    expect(keyMayStart([ApiScope.BOT], Channel.WEBCHAT)).toEqual({ ok: true, value: { asBot: true } });
    expect(keyMayStart([ApiScope.SUPERVISE], Channel.API)).toEqual({ ok: true, value: { asBot: false } });
    expect(keyMayStart([ApiScope.CHANNEL], Channel.WHATSAPP)).toEqual({ ok: true, value: { asBot: false } });
    expect(keyMayStart([ApiScope.CHANNEL], Channel.WEBCHAT)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(keyMayStart([ApiScope.READ], Channel.SMS)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(keyMayStart([ApiScope.READ, ApiScope.ADMIN], Channel.SMS)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
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

  it('is a BOT key’s while a bot serves the chat, a SUPERVISE key’s once humans have it, and no other key’s', () => {
    expect(mayClose(botKey, chat(Phase.BOT), InteractionResult.SUCCESS).ok).toBe(true);
    expect(mayClose(botKey, chat(Phase.WAITING), InteractionResult.SUCCESS)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(mayClose(botKey, chat(Phase.IN_SERVICE, 'a'), InteractionResult.SUCCESS)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(mayClose(key(ApiScope.SUPERVISE), chat(Phase.IN_SERVICE, 'a'), InteractionResult.SUCCESS).ok).toBe(true);
    expect(mayClose(key(ApiScope.SUPERVISE), chat(Phase.WAITING), InteractionResult.SUCCESS).ok).toBe(true);
    expect(mayClose(key(ApiScope.SUPERVISE), chat(Phase.BOT), InteractionResult.SUCCESS)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    for (const k of [key(ApiScope.READ), key(ApiScope.CHANNEL), key(ApiScope.ADMIN)]) {
      for (const phase of [Phase.BOT, Phase.CLOSED]) {
        expect(mayClose(k, { ...chat(phase), startedByKeyId: 'k1', channel: Channel.SMS }, InteractionResult.SUCCESS)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }
    }
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
    expect(mayHandOff(chat(Phase.BOT), true, true).ok).toBe(true);
    expect(mayHandOff(chat(Phase.BOT), false, true)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(mayHandOff(chat(Phase.BOT), true, false)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(mayHandOff(chat(Phase.WAITING), true, true)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('is for a BOT key or a supervisor in person; a SUPERVISE key leaves bot chats to the bot', () => {
    expect(mayHandOffAs(botKey).ok).toBe(true);
    expect(mayHandOffAs(supervisor).ok).toBe(true);
    for (const who of [key(ApiScope.SUPERVISE), key(ApiScope.READ), key(ApiScope.CHANNEL), key(ApiScope.ADMIN), agentA, { kind: 'VISITOR' as const, interactionId: 'i1' }]) {
      expect(mayHandOffAs(who)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });
});

describe('acting on a chat as staff', () => {
  const held = { ...chat(Phase.IN_SERVICE, 'a'), status: 'NEEDS_HELP' as never };
  it('a SUPERVISE key transfers, sets the status, annotates and acts in bulk as a supervisor; it joins no chat', () => {
    const supervise = key(ApiScope.SUPERVISE);
    expect(mayActOnHeld(supervise, held).ok).toBe(true);
    expect(mayTransfer(supervise, chat(Phase.WAITING)).ok).toBe(true);
    expect(mayAnnotate(supervise, chat(Phase.CLOSED, 'a')).ok).toBe(true);
    expect(mayActInBulk(supervise).ok).toBe(true);
    expect(mayJoin(supervise, held)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('no other key does any of it', () => {
    for (const k of [key(ApiScope.READ), botKey, key(ApiScope.CHANNEL), key(ApiScope.ADMIN)]) {
      expect(mayActOnHeld(k, held)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(mayTransfer(k, chat(Phase.WAITING))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(mayAnnotate(k, chat(Phase.BOT))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(mayActInBulk(k)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });
});
