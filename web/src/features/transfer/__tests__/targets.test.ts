// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { targetChoices, targetInput, type TransferTargets } from '../targets';

const targets: TransferTargets = {
  trays: [
    { id: 't-general', name: 'General', kind: 'GENERAL' },
    { id: 't-sales', name: 'Sales', kind: 'CUSTOM' },
    { id: 't-billing', name: 'Billing', kind: 'CUSTOM' },
  ],
  agents: [
    { id: 'u-off', name: 'Ana', state: 'DISCONNECTED' },
    { id: 'u-busy', name: 'Bea', state: 'BUSY' },
    { id: 'u-free', name: 'Caio', state: 'FREE' },
    { id: 'u-free2', name: 'Abel', state: 'FREE' },
  ],
  teams: [{ id: 'team-b', name: 'Billing team' }],
};

const ids = (choices: { id: string }[]) => choices.map((choice) => choice.id);

describe('where a chat may be transferred', () => {
  it('trays by name, without the one it is in', () => {
    expect(ids(targetChoices(targets, 'tray', 't-general'))).toEqual(['t-billing', 't-sales']);
  });

  it('agents who can answer soonest first, then by name', () => {
    expect(ids(targetChoices(targets, 'agent', null))).toEqual(['u-free2', 'u-free', 'u-busy', 'u-off']);
  });

  it('nothing before the targets have loaded', () => {
    expect(targetChoices(null, 'team', null)).toEqual([]);
  });

  it('sends exactly one of tray, agent or team', () => {
    expect(targetInput('tray', 't1')).toEqual({ trayId: 't1' });
    expect(targetInput('agent', 'u1')).toEqual({ agentId: 'u1' });
    expect(targetInput('team', 'g1')).toEqual({ teamId: 'g1' });
  });
});
