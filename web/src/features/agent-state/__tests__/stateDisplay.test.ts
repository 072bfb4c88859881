import { describe, expect, it } from 'vitest';
import { isPaused, pauseIcon, stateDisplay, stateLabelKey, stateTone, toneType } from '../stateDisplay';

const reason = { name: 'Lunch', icon: 'restaurant' };

describe('the agent’s own state display', () => {
  it('shows a free agent as available, in the success tone, with a dot', () => {
    expect(stateDisplay({ state: 'FREE', pauseReason: null })).toEqual({ labelKey: 'agentState.state.FREE', reasonName: null, tone: 'success', icon: 'dot' });
  });

  it('shows a busy agent in the info tone', () => {
    expect(stateDisplay({ state: 'BUSY', pauseReason: null }).tone).toBe('info');
  });

  it('shows a pause with its reason’s name and icon, busy or not', () => {
    for (const state of ['FREE_IN_BREAK', 'BUSY_IN_BREAK'] as const) {
      expect(stateDisplay({ state, pauseReason: reason })).toMatchObject({ reasonName: 'Lunch', tone: 'warning', icon: 'lunch' });
    }
  });

  it('ignores a leftover pause reason once the agent is no longer in a break', () => {
    expect(stateDisplay({ state: 'FREE', pauseReason: reason })).toMatchObject({ reasonName: null, icon: 'dot' });
  });

  it('shows a disconnected agent in the neutral tone', () => {
    expect(stateDisplay({ state: 'DISCONNECTED', pauseReason: null }).tone).toBe('neutral');
  });

  it('shows the phone while the agent is on a call, whatever the state', () => {
    expect(stateDisplay({ state: 'BUSY_IN_BREAK', pauseReason: reason }, true).icon).toBe('phone');
  });

  it('maps known icon names and their common synonyms, and falls back to the pause icon', () => {
    expect(pauseIcon('coffee')).toBe('coffee');
    expect(pauseIcon(' Cafe ')).toBe('coffee');
    expect(pauseIcon('school')).toBe('training');
    expect(pauseIcon('rocket')).toBe('pause');
  });

  it('counts only the two break states as a pause', () => {
    expect(['FREE', 'BUSY', 'FREE_IN_BREAK', 'BUSY_IN_BREAK', 'DISCONNECTED'].filter((s) => isPaused(s as never))).toEqual(['FREE_IN_BREAK', 'BUSY_IN_BREAK']);
  });
});

describe('one wording and colour per state', () => {
  it('names and colours a state the same in the header and in other lists', () => {
    expect(stateLabelKey('BUSY_IN_BREAK')).toBe('agentState.state.BUSY_IN_BREAK');
    expect(toneType(stateTone('FREE'))).toBe('success');
    expect(toneType(stateTone('BUSY'))).toBe('info');
    expect(toneType(stateTone('FREE_IN_BREAK'))).toBe('warning');
    expect(toneType(stateTone('DISCONNECTED'))).toBe('default');
  });
});
