import { describe, expect, it } from 'vitest';
import {
  ALL_CAMPAIGNS,
  campaignScope,
  campaignScopeSql,
  DEFAULT_SECURITY_GROUP_ID,
  groupForNewCampaign,
  mayManageGroups,
  normalizeGroupName,
  personGroupDecision,
  scopeAllows,
} from '../security-group.rules.js';

const NORTH = 'group-north';
const SOUTH = 'group-south';
const north = { kind: 'GROUP', securityGroupId: NORTH } as const;

describe('which campaigns an administrator sees', () => {
  it('narrows only an administrator who has a group', () => {
    expect(campaignScope({ role: 'ADMIN', securityGroupId: NORTH })).toEqual(north);
    expect(campaignScope({ role: 'ADMIN', securityGroupId: null })).toEqual(ALL_CAMPAIGNS);
  });

  it('leaves supervisors, agents and keys to their own rules, whatever group they carry', () => {
    expect(campaignScope({ role: 'SUPERVISOR', securityGroupId: NORTH })).toEqual(ALL_CAMPAIGNS);
    expect(campaignScope({ role: 'AGENT', securityGroupId: NORTH })).toEqual(ALL_CAMPAIGNS);
    expect(campaignScope({ role: null, securityGroupId: null })).toEqual(ALL_CAMPAIGNS);
  });

  it('allows a campaign of the group only, or every campaign without one; the SQL says the same', () => {
    expect(scopeAllows(north, NORTH)).toBe(true);
    expect(scopeAllows(north, SOUTH)).toBe(false);
    expect(scopeAllows(ALL_CAMPAIGNS, SOUTH)).toBe(true);
    expect(campaignScopeSql(north, 'c.security_group_id')).toEqual({ sql: 'c.security_group_id = ?::uuid', params: [NORTH] });
    expect(campaignScopeSql(ALL_CAMPAIGNS, 'c.security_group_id')).toEqual({ sql: 'true', params: [] });
  });

  it('lets only whoever sees everything manage groups', () => {
    expect(mayManageGroups(ALL_CAMPAIGNS)).toBe(true);
    expect(mayManageGroups(north)).toBe(false);
  });
});

describe('the group of a new campaign', () => {
  it("is a grouped administrator's own, and asking for another is refused", () => {
    expect(groupForNewCampaign(north, undefined)).toEqual({ groupId: NORTH });
    expect(groupForNewCampaign(north, NORTH)).toEqual({ groupId: NORTH });
    expect(groupForNewCampaign(north, SOUTH)).toEqual({ refused: true });
  });

  it('is the one asked for, else the default, for whoever sees everything', () => {
    expect(groupForNewCampaign(ALL_CAMPAIGNS, SOUTH)).toEqual({ groupId: SOUTH });
    expect(groupForNewCampaign(ALL_CAMPAIGNS, undefined)).toEqual({ groupId: DEFAULT_SECURITY_GROUP_ID });
  });
});

describe("a person's group", () => {
  it('is whatever whoever sees everything sets, and nothing for a new person otherwise', () => {
    expect(personGroupDecision(ALL_CAMPAIGNS, null, 'ADMIN', SOUTH)).toEqual({ kind: 'SET', groupId: SOUTH });
    expect(personGroupDecision(ALL_CAMPAIGNS, null, 'ADMIN', undefined)).toEqual({ kind: 'SET', groupId: null });
    expect(personGroupDecision(ALL_CAMPAIGNS, { role: 'ADMIN', securityGroupId: NORTH }, 'ADMIN', null)).toEqual({ kind: 'SET', groupId: null });
    expect(personGroupDecision(ALL_CAMPAIGNS, { role: 'ADMIN', securityGroupId: NORTH }, 'ADMIN', undefined)).toEqual({ kind: 'KEEP' });
  });

  it("is a grouped administrator's own for whoever it creates or makes an administrator", () => {
    expect(personGroupDecision(north, null, 'ADMIN', undefined)).toEqual({ kind: 'SET', groupId: NORTH });
    expect(personGroupDecision(north, null, 'AGENT', undefined)).toEqual({ kind: 'SET', groupId: NORTH });
    expect(personGroupDecision(north, { role: 'SUPERVISOR', securityGroupId: null }, 'ADMIN', undefined)).toEqual({ kind: 'SET', groupId: NORTH });
    expect(personGroupDecision(north, { role: 'AGENT', securityGroupId: null }, 'AGENT', undefined)).toEqual({ kind: 'KEEP' });
  });

  it('cannot be set, nor removed, by a grouped administrator', () => {
    expect(personGroupDecision(north, null, 'ADMIN', SOUTH)).toMatchObject({ kind: 'REFUSED' });
    expect(personGroupDecision(north, { role: 'ADMIN', securityGroupId: NORTH }, 'ADMIN', null)).toMatchObject({ kind: 'REFUSED' });
  });

  it('keeps a grouped administrator away from administrators outside its group', () => {
    expect(personGroupDecision(north, { role: 'ADMIN', securityGroupId: null }, 'AGENT', undefined)).toMatchObject({ kind: 'REFUSED' });
    expect(personGroupDecision(north, { role: 'ADMIN', securityGroupId: SOUTH }, 'ADMIN', undefined)).toMatchObject({ kind: 'REFUSED' });
    expect(personGroupDecision(north, { role: 'ADMIN', securityGroupId: NORTH }, 'SUPERVISOR', undefined)).toEqual({ kind: 'KEEP' });
  });
});

describe('group names', () => {
  it('are trimmed, with inner spaces collapsed, 1 to 80 characters', () => {
    expect(normalizeGroupName('  North   region ')).toBe('North region');
    expect(normalizeGroupName('   ')).toBeNull();
    expect(normalizeGroupName('x'.repeat(81))).toBeNull();
  });
});
