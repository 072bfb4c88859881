import { describe, expect, it } from 'vitest';
import { mediaFor, parseSignal, peerPhase } from '../callRules';

describe('call rules', () => {
  it('reads a connected peer as connected and a dropped one as reconnecting', () => {
    expect(peerPhase('connected')).toBe('connected');
    expect(peerPhase('disconnected')).toBe('reconnecting');
  });

  it('reads new and checking connections as connecting, failed as failed, closed as ended', () => {
    expect(peerPhase('new')).toBe('connecting');
    expect(peerPhase('connecting')).toBe('connecting');
    expect(peerPhase('failed')).toBe('failed');
    expect(peerPhase('closed')).toBe('ended');
  });

  it('captures the camera only for video calls', () => {
    expect(mediaFor('AUDIO')).toEqual({ audio: true, video: false });
    expect(mediaFor('VIDEO')).toEqual({ audio: true, video: true });
  });


  it('drops a payload that is not a JSON object', () => {
    expect(parseSignal('{"type":"offer","sdp":"v=0"}')).toEqual({ type: 'offer', sdp: 'v=0' });
    expect(parseSignal('not json')).toBeNull();
    expect(parseSignal('42')).toBeNull();
  });
});
