import { describe, expect, it } from 'vitest';
import { callKindsOffered, canCall, endedWhy } from '../widgetCall';

describe('the widget’s call button', () => {
  it('offers what the campaign allows once an agent holds the chat', () => {
    expect(callKindsOffered({ allowAudio: true, allowVideo: true }, 'IN_SERVICE')).toEqual(['AUDIO', 'VIDEO']);
    expect(callKindsOffered({ allowAudio: true, allowVideo: false }, 'IN_SERVICE')).toEqual(['AUDIO']);
  });

  it('offers nothing while the chat waits, is with a bot or is closed', () => {
    for (const phase of ['BOT', 'WAITING', 'CLOSED'] as const) expect(callKindsOffered({ allowAudio: true, allowVideo: true }, phase)).toEqual([]);
  });

  it('offers nothing before the campaign is known', () => {
    expect(callKindsOffered(null, 'IN_SERVICE')).toEqual([]);
  });

  it('allows one call at a time', () => {
    expect(canCall({ kind: 'idle' })).toBe(true);
    expect(canCall({ kind: 'over', why: 'declined' })).toBe(true);
    expect(canCall({ kind: 'asking', callKind: 'AUDIO' })).toBe(false);
  });

  it('says whose connection was lost when that ended the call', () => {
    expect(endedWhy({ endReason: 'HUNG_UP', endedBy: 'AGENT' })).toBe('ended');
    expect(endedWhy({ endReason: 'CONNECTION_LOST', endedBy: 'CUSTOMER' })).toBe('dropped');
    expect(endedWhy({ endReason: 'CONNECTION_LOST', endedBy: 'AGENT' })).toBe('agentLost');
  });
});
