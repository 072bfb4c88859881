import { describe, expect, it } from 'vitest';
import { Phase } from '../../interactions/interaction.enums.js';
import { CallAction, CallKind, CallState, callSeconds, isOwnSignal, lostSide, mayMonitorScreen, maySignal, mayRequestCall, mayTakePart, nextCallState, parseCursor, sidesOf } from '../call.rules.js';

describe('call rules', () => {
  it('keep every API key out of calls, whatever its scopes', () => {
    expect(mayTakePart('API_KEY')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(mayTakePart('USER').ok).toBe(true);
    expect(mayTakePart('VISITOR').ok).toBe(true);
  });

  it('take calls of the kinds the campaign allows, once an agent serves the chat', () => {
    const audioOnly = { allowAudio: true, allowVideo: false };
    expect(mayRequestCall(audioOnly, CallKind.AUDIO, Phase.IN_SERVICE).ok).toBe(true);
    expect(mayRequestCall(audioOnly, CallKind.VIDEO, Phase.IN_SERVICE)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(mayRequestCall(audioOnly, CallKind.AUDIO, Phase.WAITING)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('move a ringing call to accepted, declined or ended, and an accepted one only to ended', () => {
    expect(nextCallState(CallState.REQUESTED, CallAction.ACCEPT)).toEqual({ ok: true, value: CallState.ACCEPTED });
    expect(nextCallState(CallState.REQUESTED, CallAction.DECLINE)).toEqual({ ok: true, value: CallState.DECLINED });
    expect(nextCallState(CallState.REQUESTED, CallAction.END)).toEqual({ ok: true, value: CallState.ENDED });
    expect(nextCallState(CallState.ACCEPTED, CallAction.END)).toEqual({ ok: true, value: CallState.ENDED });
    expect(nextCallState(CallState.ACCEPTED, CallAction.ACCEPT)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(nextCallState(CallState.ENDED, CallAction.END)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(maySignal(CallState.DECLINED).ok).toBe(false);
  });

  it('count only the time after the agent answered', () => {
    expect(callSeconds(null, new Date())).toBe(0);
    expect(callSeconds(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T10:02:05.4Z'))).toBe(125);
  });

  it('watch only the screen of an agent who allows it', () => {
    expect(mayMonitorScreen({ role: 'AGENT', mayMonitorScreen: true }).ok).toBe(true);
    expect(mayMonitorScreen({ role: 'AGENT', mayMonitorScreen: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(mayMonitorScreen({ role: 'SUPERVISOR', mayMonitorScreen: true })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(mayMonitorScreen(null).ok).toBe(false);
  });

  it('keep each party from hearing its own signals', () => {
    const call = { agentId: 'a1', supervisorId: 's1' };
    const signal = (from: string) => ({ type: 'SIGNAL', from, call });
    expect(isOwnSignal({ kind: 'CUSTOMER', interactionId: 'i1' }, signal('CUSTOMER'))).toBe(true);
    expect(isOwnSignal({ kind: 'CUSTOMER', interactionId: 'i1' }, signal('AGENT'))).toBe(false);
    expect(isOwnSignal({ kind: 'USER', userId: 'a1' }, signal('AGENT'))).toBe(true);
    expect(isOwnSignal({ kind: 'USER', userId: 's1' }, signal('AGENT'))).toBe(false);
    expect(isOwnSignal({ kind: 'USER', userId: 's1' }, signal('SUPERVISOR'))).toBe(true);
    expect(isOwnSignal({ kind: 'USER', userId: 'a1' }, { type: 'ACCEPTED', from: 'AGENT', call })).toBe(false);
  });

  it('end a call for the side away past the grace: since its stream was last seen, or since the call began when it never followed it', () => {
    expect(lostSide([1000, 500], 60_000, 15_000)).toBeNull();
    expect(lostSide([16_000, 500], 60_000, 15_000)).toBe(0);
    expect(lostSide([500, 20_000], 60_000, 15_000)).toBe(1);
    expect(lostSide([null, 500], 10_000, 15_000)).toBeNull();
    expect(lostSide([null, 500], 16_000, 15_000)).toBe(0);
    // A stream closed long ago before this call began counts from the call's start.
    expect(lostSide([90_000, 500], 3000, 15_000)).toBeNull();
  });

  it("name a call's sides by the keys their streams are followed under", () => {
    expect(sidesOf({ interactionId: 'i1', agentId: 'a1', supervisorId: null })).toEqual([
      { party: 'CUSTOMER', key: 'interaction:i1' },
      { party: 'AGENT', key: 'user:a1' },
    ]);
    expect(sidesOf({ interactionId: null, agentId: 'a1', supervisorId: 's1' })[0]).toEqual({ party: 'SUPERVISOR', key: 'user:s1' });
  });

  it('take only event cursors to resume from', () => {
    expect(parseCursor('42')).toEqual({ ok: true, value: '42' });
    expect(parseCursor('-1').ok).toBe(false);
    expect(parseCursor('soon').ok).toBe(false);
  });
});
