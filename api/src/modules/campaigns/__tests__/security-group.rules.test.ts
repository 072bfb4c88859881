import { describe, expect, it } from 'vitest';
import { ALL, type Scope } from '../../auth/scope.rules.js';
import { DEFAULT_SECURITY_GROUP_ID, groupForNewCampaign, mayManageGroups, normalizeGroupName, personGroupDecision } from '../security-group.rules.js';

const NORTH = 'group-north';
const SOUTH = 'group-south';
const north: Scope = { kind: 'LIMITED', campaignIds: new Set(['c-north']), securityGroupId: NORTH };
const campaignKey: Scope = { kind: 'LIMITED', campaignIds: new Set(['c-north']), securityGroupId: null };

describe('managing groups', () => {
  it('is for whoever reaches everything only', () => {
    expect(mayManageGroups(ALL)).toBe(true);
    expect(mayManageGroups(north)).toBe(false);
    expect(mayManageGroups(campaignKey)).toBe(false);
  });
});

describe('the group of a new campaign', () => {
  it("is a grouped administrator's own, and asking for another is refused", () => {
    expect(groupForNewCampaign(north, undefined)).toEqual({ groupId: NORTH });
    expect(groupForNewCampaign(north, NORTH)).toEqual({ groupId: NORTH });
    expect(groupForNewCampaign(north, SOUTH)).toEqual({ refused: true });
  });

  it('is the one asked for, else the default, for whoever sees everything', () => {
    expect(groupForNewCampaign(ALL, SOUTH)).toEqual({ groupId: SOUTH });
    expect(groupForNewCampaign(ALL, undefined)).toEqual({ groupId: DEFAULT_SECURITY_GROUP_ID });
  });

  it('is refused to a key limited to campaigns, which has no group to put it in', () => {
    expect(groupForNewCampaign(campaignKey, undefined)).toEqual({ refused: true });
  });
});

describe("a person's group", () => {
  it('is whatever whoever sees everything sets, and nothing for a new person otherwise', () => {
    expect(personGroupDecision(ALL, null, SOUTH)).toEqual({ kind: 'SET', groupId: SOUTH });
    expect(personGroupDecision(ALL, null, undefined)).toEqual({ kind: 'SET', groupId: null });
    expect(personGroupDecision(ALL, { role: 'ADMIN', securityGroupId: NORTH }, null)).toEqual({ kind: 'SET', groupId: null });
    expect(personGroupDecision(ALL, { role: 'ADMIN', securityGroupId: NORTH }, undefined)).toEqual({ kind: 'KEEP' });
  });

  it("is a grouped administrator's own for whoever it creates, whatever the role", () => {
    expect(personGroupDecision(north, null, undefined)).toEqual({ kind: 'SET', groupId: NORTH });
    expect(personGroupDecision(north, null, NORTH)).toEqual({ kind: 'SET', groupId: NORTH });
    expect(personGroupDecision(north, { role: 'AGENT', securityGroupId: NORTH }, undefined)).toEqual({ kind: 'KEEP' });
  });

  it('cannot be set to another, nor removed, by a grouped administrator', () => {
    expect(personGroupDecision(north, null, SOUTH)).toMatchObject({ kind: 'REFUSED' });
    expect(personGroupDecision(north, { role: 'ADMIN', securityGroupId: NORTH }, null)).toMatchObject({ kind: 'REFUSED' });
  });

  it("leaves people outside a grouped administrator's group unknown to it, ungrouped ones included", () => {
    expect(personGroupDecision(north, { role: 'ADMIN', securityGroupId: null }, undefined)).toEqual({ kind: 'NOT_FOUND' });
    expect(personGroupDecision(north, { role: 'AGENT', securityGroupId: null }, undefined)).toEqual({ kind: 'NOT_FOUND' });
    expect(personGroupDecision(north, { role: 'SUPERVISOR', securityGroupId: SOUTH }, undefined)).toEqual({ kind: 'NOT_FOUND' });
  });

  it('is never managed by a key limited to campaigns', () => {
    expect(personGroupDecision(campaignKey, null, undefined)).toMatchObject({ kind: 'REFUSED' });
  });
});

describe('group names', () => {
  it('are trimmed, with inner spaces collapsed, 1 to 80 characters', () => {
    expect(normalizeGroupName('  North   region ')).toBe('North region');
    expect(normalizeGroupName('   ')).toBeNull();
    expect(normalizeGroupName('x'.repeat(81))).toBeNull();
  });
});
