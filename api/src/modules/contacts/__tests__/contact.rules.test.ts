import { describe, expect, it } from 'vitest';
import { ALL, type Scope } from '../../auth/scope.rules.js';
import { contactInScopeSql } from '../contact.rules.js';

const within = (...campaignIds: string[]): Scope => ({ kind: 'LIMITED', campaignIds: new Set(campaignIds), securityGroupId: null });

describe('a contact within a scope', () => {
  it('is any contact for a caller that reaches everything', () => {
    expect(contactInScopeSql(ALL, 'ct.id')).toEqual({ sql: 'true', params: [] });
  });

  it('is one with an interaction in a campaign the caller reaches', () => {
    expect(contactInScopeSql(within('a', 'b'), 'ct.id')).toEqual({
      sql: 'exists (select 1 from interactions si where si.contact_id = ct.id and si.campaign_id = any(?::uuid[]))',
      params: ['{a,b}'],
    });
  });

  it('is none for a scope of no campaign', () => {
    expect(contactInScopeSql(within(), 'ct.id').params).toEqual(['{}']);
  });
});
