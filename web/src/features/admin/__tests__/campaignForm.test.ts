import { describe, expect, it } from 'vitest';
import { campaignInput, campaignProblem, draftOf, emptyCampaign } from '../campaignForm';

const named = () => ({ ...emptyCampaign(), name: 'Sales' });

describe('campaign form', () => {
  it('needs a name', () => {
    expect(campaignProblem(emptyCampaign())).toBe('nameRequired');
    expect(campaignProblem(named())).toBeNull();
  });

  it('needs three increasing thresholds', () => {
    expect(campaignProblem({ ...named(), thresholdsSeconds: [60, null, 300] })).toBe('thresholds');
    expect(campaignProblem({ ...named(), thresholdsSeconds: [60, 60, 300] })).toBe('thresholdOrder');
  });

  it('checks the schedule only when the campaign keeps one', () => {
    const schedule = { ranges: [{ day: 1, from: '18:00', to: '09:00' }], holidays: [] };
    expect(campaignProblem({ ...named(), schedule })).toBeNull();
    expect(campaignProblem({ ...named(), scheduled: true, schedule })).toBe('rangeOrder');
  });

  it('sends blank texts as null, every language, and no schedule when always open', () => {
    const draft = named();
    draft.messages.pt.welcome = '  Olá ';
    const input = campaignInput(draft);
    expect(input.schedule).toBeNull();
    expect(input.messages.map((m) => m.language)).toEqual(['es', 'en', 'pt']);
    expect(input.messages[2]).toMatchObject({ welcome: 'Olá', closing: null });
    expect(input.memberIds).toEqual([]);
  });

  it('leaves a saved campaign’s members alone until they have been read', () => {
    expect(campaignInput({ ...named(), memberIds: null })).not.toHaveProperty('memberIds');
    expect(campaignInput({ ...named(), memberIds: ['u1'] }).memberIds).toEqual(['u1']);
  });

  it('reads a saved campaign back into the same draft', () => {
    const draft = { ...named(), scheduled: true, schedule: { ranges: [{ day: 3, from: '08:00', to: '12:00' }], holidays: ['2026-12-25'] } };
    draft.messages.en.welcome = 'Hi';
    const saved = { ...campaignInput(draft), schedule: draft.schedule, serviceLevelSeconds: 20, thresholdsSeconds: [300, 600, 900] };
    // Members are read apart, so a saved campaign's draft starts without them.
    expect(draftOf(saved as never)).toEqual({ ...draft, memberIds: null });
  });
});

describe('campaign form: security group', () => {
  it('sends the group only once one is chosen, and reads it back', () => {
    const draft = named();
    expect(campaignInput(draft)).not.toHaveProperty('securityGroupId');
    expect(campaignInput({ ...draft, securityGroupId: 'g1' }).securityGroupId).toBe('g1');
    const saved = { ...campaignInput(draft), securityGroup: { id: 'g1' }, thresholdsSeconds: [300, 600, 900] };
    expect(draftOf(saved as never).securityGroupId).toBe('g1');
  });
});
