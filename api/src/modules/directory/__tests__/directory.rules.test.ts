import { describe, expect, it } from 'vitest';
import { ALL, scopeFrom } from '../../auth/scope.rules.js';
import type { Viewer } from '../../auth/viewer.js';
import { Role } from '../../users/user.enums.js';
import { DirectoryPart } from '../directory.enums.js';
import { requireDirectoryReader, tells } from '../directory.rules.js';

const north = scopeFrom({ securityGroupId: 'g-north', groupCampaignIds: ['c-north'] });
const person = (scope = ALL): Viewer => ({ kind: 'USER', userId: 'u', role: Role.SUPERVISOR, sessionId: 's', name: 'Sara', customTrayIds: [], scope });
const key = (campaignIds: string[]): Viewer => ({
  kind: 'API_KEY',
  keyId: 'k',
  name: 'bridge',
  scopes: [],
  scope: scopeFrom({ securityGroupId: null, groupCampaignIds: null, keyCampaignIds: campaignIds }),
});
const tray = (campaignId: string | null) => ({ parts: [DirectoryPart.TRAY], campaignId });

describe('who is told of a directory change', () => {
  it('tells a change of a campaign only to callers whose scope reaches it', () => {
    expect(tells(person(north), tray('c-north'))).toBe(true);
    expect(tells(person(north), tray('c-south'))).toBe(false);
    expect(tells(key(['c-north']), tray('c-south'))).toBe(false);
    expect(tells(person(), tray('c-south'))).toBe(true);
  });

  it('tells what every campaign shares to every person and key, and nothing to a visitor', () => {
    expect(tells(person(north), tray(null))).toBe(true);
    expect(tells(key(['c-north']), tray(null))).toBe(true);
    expect(tells({ kind: 'VISITOR', interactionId: 'i', contactId: 'c' }, tray(null))).toBe(false);
  });

  it('refuses the anonymous as unauthenticated and a visitor as forbidden', () => {
    expect(() => requireDirectoryReader({ kind: 'ANONYMOUS' })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
    expect(() => requireDirectoryReader({ kind: 'VISITOR', interactionId: 'i', contactId: 'c' })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
  });
});
