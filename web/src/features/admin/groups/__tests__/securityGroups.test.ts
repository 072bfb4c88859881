import { describe, expect, it } from 'vitest';
import { groupName, groupOptions, managesGroups } from '../securityGroups';

describe('security groups in the administration', () => {
  it('saves names trimmed, refusing empty and overlong ones as the API does', () => {
    expect(groupName('  North   region ')).toBe('North region');
    expect(groupName('   ')).toBeNull();
    expect(groupName('x'.repeat(81))).toBeNull();
  });

  it('offers choosing groups only to an administrator known to have none', () => {
    expect(managesGroups({ securityGroup: null })).toBe(true);
    expect(managesGroups({ securityGroup: { id: 'g', name: 'North' } })).toBe(false);
    expect(managesGroups(null)).toBe(false);
  });

  it('lists groups as select options', () => {
    expect(groupOptions([{ id: 'g', name: 'North' }])).toEqual([{ label: 'North', value: 'g' }]);
  });
});
