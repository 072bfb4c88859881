import { describe, expect, it } from 'vitest';
import { grantKey } from '../api-key.rules.js';
import { ALL, campaignSql, teamSql, campaignsWithin, intersect, narrowCampaigns, peopleSql, reaches, reachesAll, type Scope, scopeFrom } from '../scope.rules.js';
import { ApiScope } from '../viewer.js';

const limited = (ids: string[], group: string | null = null): Scope => ({ kind: 'LIMITED', campaignIds: new Set(ids), securityGroupId: group });
const idsOf = (s: Scope) => (s.kind === 'ALL' ? 'ALL' : [...s.campaignIds].sort());

describe("a caller's scope", () => {
  it("is everything for an ungrouped person, and its group's campaigns for a grouped one", () => {
    expect(scopeFrom({ securityGroupId: null, groupCampaignIds: null })).toEqual(ALL);
    const grouped = scopeFrom({ securityGroupId: 'g', groupCampaignIds: ['a', 'b'] });
    expect(idsOf(grouped)).toEqual(['a', 'b']);
    expect(grouped).toMatchObject({ securityGroupId: 'g' });
  });

  it('reaches nothing for a person whose group has no campaign', () => {
    const empty = scopeFrom({ securityGroupId: 'g', groupCampaignIds: [] });
    expect(reaches(empty, 'a')).toBe(false);
    expect(campaignSql(empty, 'c.id')).toEqual({ sql: 'c.id = any(?::uuid[])', params: ['{}'] });
  });

  it("is a key's campaigns within its creator's reach, never beyond it", () => {
    expect(idsOf(scopeFrom({ securityGroupId: null, groupCampaignIds: null, keyCampaignIds: ['a'] }))).toEqual(['a']);
    expect(idsOf(scopeFrom({ securityGroupId: 'g', groupCampaignIds: ['a', 'b'], keyCampaignIds: ['b', 'z'] }))).toEqual(['b']);
    expect(idsOf(scopeFrom({ securityGroupId: 'g', groupCampaignIds: ['a'], keyCampaignIds: [] }))).toEqual(['a']);
    expect(idsOf(scopeFrom({ securityGroupId: null, groupCampaignIds: null, keyCampaignIds: [] }))).toBe('ALL');
  });

  it('intersects to the narrower, keeping the group only when none of its campaigns is lost', () => {
    expect(intersect(ALL, ALL)).toEqual(ALL);
    expect(idsOf(intersect(limited(['a', 'b'], 'g'), limited(['b', 'c'])))).toEqual(['b']);
    expect(intersect(limited(['a'], 'g'), ALL)).toMatchObject({ securityGroupId: 'g' });
    expect(intersect(limited(['a', 'b'], 'g'), limited(['a', 'b', 'c']))).toMatchObject({ securityGroupId: 'g' });
    expect(intersect(limited(['a', 'b'], 'g'), limited(['b']))).toMatchObject({ securityGroupId: null });
    expect(intersect(limited(['b']), limited(['a', 'b'], 'g'))).toMatchObject({ securityGroupId: null });
  });

  it("gives a key limited to some of its group's campaigns no group: it reaches those campaigns' people only", () => {
    const narrowed = scopeFrom({ securityGroupId: 'g', groupCampaignIds: ['a', 'b'], keyCampaignIds: ['a'] });
    expect(narrowed).toMatchObject({ securityGroupId: null });
    expect(peopleSql(narrowed, 'u.id').params).toEqual(['{a}']);
    expect(scopeFrom({ securityGroupId: 'g', groupCampaignIds: ['a', 'b'], keyCampaignIds: ['b', 'a'] })).toMatchObject({ securityGroupId: 'g' });
  });

  it('says in SQL what it says in code', () => {
    expect(campaignSql(ALL, 'i.campaign_id')).toEqual({ sql: 'true', params: [] });
    expect(campaignSql(limited(['a', 'b']), 'i.campaign_id')).toEqual({ sql: 'i.campaign_id = any(?::uuid[])', params: ['{a,b}'] });
    expect(peopleSql(ALL, 'u.id').sql).toBe('true');
    expect(peopleSql(limited(['a'], 'g'), 'u.id')).toEqual({ sql: 'u.id in (select pu.id from users pu where pu.security_group_id = ?::uuid)', params: ['g'] });
    expect(peopleSql(limited(['a']), 'u.id').params).toEqual(['{a}']);
    expect(teamSql(ALL, 't.id').sql).toBe('true');
    expect(teamSql(limited(['a'], 'g'), 't.id')).toEqual({
      sql: '(not exists (select 1 from user_teams tm where tm.team_id = t.id) or exists (select 1 from user_teams tm where tm.team_id = t.id and tm.user_id in (select pu.id from users pu where pu.security_group_id = ?::uuid)))',
      params: ['g'],
    });
  });

  it('narrows filters to itself, and never turns "none" into "all"', () => {
    expect(narrowCampaigns(ALL, [])).toBeNull();
    expect(narrowCampaigns(ALL, ['x'])).toEqual(['x']);
    expect(narrowCampaigns(limited(['a', 'b']), ['b', 'x'])).toEqual(['b']);
    expect(narrowCampaigns(limited(['a']), ['x'])).toEqual([]);
    expect(narrowCampaigns(limited([]), [])).toEqual([]);
    expect(reachesAll(limited(['a']), [])).toBe(false);
    expect(reachesAll(ALL, [])).toBe(true);
  });

  it('writes "every campaign" out as its own for what a limited caller creates', () => {
    expect(campaignsWithin(ALL, [])).toEqual({ ids: [] });
    expect(campaignsWithin(limited(['a', 'b']), [])).toEqual({ ids: ['a', 'b'] });
    expect(campaignsWithin(limited(['a', 'b']), ['b', 'c'])).toEqual({ outside: ['c'] });
  });
});

describe('a new API key', () => {
  it("gets at most its creator's campaigns", () => {
    const grouped = { kind: 'PERSON' as const, scope: limited(['a', 'b'], 'g') };
    expect(grantKey(grouped, [ApiScope.ADMIN, ApiScope.SUPERVISE], [])).toEqual({ ok: true, scopes: [ApiScope.ADMIN, ApiScope.SUPERVISE], campaignIds: ['a', 'b'] });
    expect(grantKey(grouped, [ApiScope.READ], ['c'])).toMatchObject({ ok: false, field: 'campaignIds' });
    expect(grantKey({ kind: 'PERSON', scope: ALL }, [ApiScope.READ], [])).toEqual({ ok: true, scopes: [ApiScope.READ], campaignIds: [] });
  });

  it("gets at most a creating key's scopes", () => {
    const key = { kind: 'KEY' as const, scopes: [ApiScope.ADMIN], scope: limited(['a']) };
    expect(grantKey(key, [ApiScope.ADMIN, ApiScope.SUPERVISE], [])).toMatchObject({ ok: false, field: 'scopes' });
    expect(grantKey(key, [ApiScope.ADMIN], [])).toEqual({ ok: true, scopes: [ApiScope.ADMIN], campaignIds: ['a'] });
  });

  it('needs a scope, and a campaign when its creator reaches none', () => {
    expect(grantKey({ kind: 'PERSON', scope: ALL }, [], [])).toMatchObject({ ok: false, field: 'scopes' });
    expect(grantKey({ kind: 'PERSON', scope: limited([], 'g') }, [ApiScope.READ], [])).toMatchObject({ ok: false, field: 'campaignIds' });
  });
});
