import { describe, expect, it } from 'vitest';
import { carriedMedia, mediaFor, parseSignal, peerPhase, screenWatchState } from '../callRules';

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

  it('carries a voice in every call, a camera in video calls, and only a picture in a screen share', () => {
    expect(carriedMedia('AUDIO')).toEqual(['audio']);
    expect(carriedMedia('VIDEO')).toEqual(['audio', 'video']);
    expect(carriedMedia('SCREEN')).toEqual(['video']);
  });

  it('shows a screen request as asking until the agent answers, and a refused one as refused', () => {
    expect(screenWatchState(null, 'idle')).toBe('asking');
    expect(screenWatchState('REQUESTED', 'connecting')).toBe('asking');
    expect(screenWatchState('REFUSED', 'idle')).toBe('refused');
  });

  it('shows an accepted screen as connecting, then live while connected or healing', () => {
    expect(screenWatchState('ACCEPTED', 'connecting')).toBe('connecting');
    expect(screenWatchState('ACCEPTED', 'connected')).toBe('live');
    expect(screenWatchState('ACCEPTED', 'reconnecting')).toBe('live');
    expect(screenWatchState('ACCEPTED', 'failed')).toBe('failed');
  });

  it('shows the agent’s answer or end over whatever the connection says', () => {
    expect(screenWatchState('DECLINED', 'ended')).toBe('declined');
    expect(screenWatchState('ENDED', 'connected')).toBe('ended');
    expect(screenWatchState('ACCEPTED', 'ended')).toBe('ended');
  });

  it('drops a payload that is not a JSON object', () => {
    expect(parseSignal('{"type":"offer","sdp":"v=0"}')).toEqual({ type: 'offer', sdp: 'v=0' });
    expect(parseSignal('not json')).toBeNull();
    expect(parseSignal('42')).toBeNull();
  });
});
