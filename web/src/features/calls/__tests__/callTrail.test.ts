import { describe, expect, it } from 'vitest';
import { callSettled } from '../callTrail';

const event = (type: string, callId: string) => ({ type, data: { callId, kind: 'AUDIO' } });

describe('a ringing call checked against the chat’s trail', () => {
  it('is settled once the trail shows it answered, declined or ended', () => {
    for (const type of ['CALL_STARTED', 'CALL_DECLINED', 'CALL_ENDED']) expect(callSettled([event(type, 'c1')], 'c1')).toBe(true);
  });

  it('still rings when the trail only shows the request, or other calls', () => {
    expect(callSettled([event('CALL_REQUESTED', 'c1'), event('CALL_ENDED', 'c0')], 'c1')).toBe(false);
  });

  it('ignores events that name no call', () => {
    expect(
      callSettled(
        [
          { type: 'CALL_ENDED', data: {} },
          { type: 'TAKEN', data: {} },
        ],
        'c1',
      ),
    ).toBe(false);
  });
});
