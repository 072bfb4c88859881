import { describe, expect, it } from 'vitest';
import {
  AGENT_STATES,
  agentInStates,
  agentShown,
  bandType,
  emptyFilter,
  liveBand,
  monitorStateKey,
  monitorStateLabel,
  parseHidden,
  pruneSelection,
  secondsSince,
  serviceLevelPercent,
  sortAgents,
  toFilterInput,
  toggleHidden,
  toggleSelection,
} from '../monitorRules';
import i18n from '../i18n';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const since = new Date(T0).toISOString();
const at = (seconds: number) => T0 + seconds * 1000;
const thresholds = [60, 120, 180];

describe('a chat’s band', () => {
  it('is green within the first threshold', () => {
    expect(liveBand({ since }, thresholds, at(59))).toEqual({ band: 'GREEN', alert: false });
  });
  it('is yellow within the second threshold', () => {
    expect(liveBand({ since }, thresholds, at(60))).toEqual({ band: 'YELLOW', alert: false });
  });
  it('is red from the second threshold on, without an alert until the third is passed', () => {
    expect(liveBand({ since }, thresholds, at(150))).toEqual({ band: 'RED', alert: false });
  });
  it('raises the alert once the third threshold is passed', () => {
    expect(liveBand({ since }, thresholds, at(180))).toEqual({ band: 'RED', alert: true });
  });
  it('keeps the server’s band and alert when the campaign’s thresholds are unknown', () => {
    expect(liveBand({ since, band: 'YELLOW', alert: false }, undefined, at(999))).toEqual({ band: 'YELLOW', alert: false });
  });
  it('maps bands to theme colours', () => {
    expect(['GREEN', 'YELLOW', 'RED'].map((b) => bandType(b as never))).toEqual(['success', 'warning', 'error']);
  });
});

describe('selecting chats for a bulk action', () => {
  it('adds and removes a chat', () => {
    const added = toggleSelection([], 'a');
    expect(added).toEqual({ ok: true, selected: ['a'] });
    expect(toggleSelection(added.selected, 'a')).toEqual({ ok: true, selected: [] });
  });
  it('refuses a sixth chat and keeps the five', () => {
    expect(toggleSelection(['1', '2', '3', '4', '5'], '6')).toEqual({ ok: false, selected: ['1', '2', '3', '4', '5'], reason: 'limit' });
  });
  it('still lets one of the five be unticked', () => {
    expect(toggleSelection(['1', '2', '3', '4', '5'], '3').selected).toEqual(['1', '2', '4', '5']);
  });
  it('drops chats that left the snapshot', () => {
    expect(pruneSelection(['a', 'b'], new Set(['b']))).toEqual(['b']);
  });
});

describe('the filter sent to the API', () => {
  it('is null when nothing is set', () => {
    expect(toFilterInput({ ...emptyFilter(), contact: '  ' })).toBeNull();
  });
  it('carries only what is set, trimmed', () => {
    expect(toFilterInput({ ...emptyFilter(), agentIds: ['u1'], channels: ['WEBCHAT'], protocol: ' P-1 ' })).toEqual({ agentIds: ['u1'], channels: ['WEBCHAT'], protocol: 'P-1' });
  });
});

describe('the agents’ order', () => {
  it('puts alerts first, then by state, then by name', () => {
    const agents = [
      { name: 'Zoe', state: 'FREE', alert: false },
      { name: 'Ann', state: 'DISCONNECTED', alert: false },
      { name: 'Bob', state: 'BUSY', alert: false },
      { name: 'Cid', state: 'FREE_IN_BREAK', alert: true },
      { name: 'Abe', state: 'BUSY', alert: false },
    ] as const;
    expect(sortAgents(agents).map((a) => a.name)).toEqual(['Cid', 'Abe', 'Bob', 'Zoe', 'Ann']);
  });
});

describe('hiding agents and teams', () => {
  it('reads an unreadable preference as nothing hidden', () => {
    expect(parseHidden('{nope')).toEqual({ agents: [], teams: [] });
    expect(parseHidden(JSON.stringify({ agents: ['a', 3] }))).toEqual({ agents: ['a'], teams: [] });
  });
  it('toggles an agent in and out', () => {
    const hidden = toggleHidden({ agents: [], teams: [] }, 'agents', 'a');
    expect(hidden.agents).toEqual(['a']);
    expect(toggleHidden(hidden, 'agents', 'a').agents).toEqual([]);
  });
  it('hides an agent whose every team is hidden, not one with a team still shown', () => {
    const hidden = { agents: [], teams: ['t1'] };
    expect(agentShown({ userId: 'a', teamIds: ['t1'] }, hidden)).toBe(false);
    expect(agentShown({ userId: 'a', teamIds: ['t1', 't2'] }, hidden)).toBe(true);
    expect(agentShown({ userId: 'a', teamIds: [] }, hidden)).toBe(true);
  });
});

describe('figures', () => {
  it('shows a service level as a whole percentage, or nothing before any chat', () => {
    expect(serviceLevelPercent(0.876)).toBe(88);
    expect(serviceLevelPercent(null)).toBeNull();
  });
  it('never counts negative seconds', () => {
    expect(secondsSince(new Date(at(10)).toISOString(), at(0))).toBe(0);
    expect(secondsSince(since, at(75))).toBe(75);
  });
});

describe('the monitor’s texts', () => {
  const keys = (value: unknown, prefix = ''): string[] => (typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix]);
  it('has the same keys in es, en and pt', () => {
    expect(keys(i18n.es).sort()).toEqual(keys(i18n.en).sort());
    expect(keys(i18n.pt).sort()).toEqual(keys(i18n.en).sort());
  });
});

describe('agent states on the monitor', () => {
  const t = (key: string, values?: Record<string, unknown>) => (values ? `${key}(${values.state}|${values.reason})` : key);
  it('names the two pauses apart, by the manual’s names, with the reason after the state', () => {
    expect(monitorStateLabel({ state: 'FREE_IN_BREAK', pauseReason: { name: 'Lunch' } }, t)).toBe('monitor.states.withReason(monitor.states.FREE_IN_BREAK|Lunch)');
    expect(monitorStateLabel({ state: 'BUSY_IN_BREAK', pauseReason: { name: 'Lunch' } }, t)).toBe('monitor.states.withReason(monitor.states.BUSY_IN_BREAK|Lunch)');
  });
  it('shows a pause without a reason by its state alone, and ignores a reason left on a state that is no pause', () => {
    expect(monitorStateLabel({ state: 'BUSY_IN_BREAK', pauseReason: null }, t)).toBe('monitor.states.BUSY_IN_BREAK');
    expect(monitorStateLabel({ state: 'FREE', pauseReason: { name: 'Lunch' } }, t)).toBe('agentState.state.FREE');
  });
  it('has every state’s name in the three languages', () => {
    for (const language of ['en', 'es', 'pt'] as const) {
      const states = i18n[language].monitor.states as Record<string, string>;
      for (const state of AGENT_STATES) if (monitorStateKey(state).startsWith('monitor.')) expect(states[state]).toBeTruthy();
    }
  });
  it('filters rows by state, every state when none is picked', () => {
    expect(agentInStates({ state: 'FREE_IN_BREAK' }, [])).toBe(true);
    expect(agentInStates({ state: 'FREE_IN_BREAK' }, ['BUSY_IN_BREAK'])).toBe(false);
    expect(agentInStates({ state: 'BUSY_IN_BREAK' }, ['BUSY_IN_BREAK', 'FREE'])).toBe(true);
  });
  it('keeps the state filter off the API’s filter, so a state change does not subscribe again', () => {
    expect(toFilterInput({ ...emptyFilter(), states: ['BUSY_IN_BREAK'] })).toBeNull();
  });
});
