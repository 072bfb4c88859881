import { type Em, pgArray, rows } from '../../db/sql.js';
import type { Onlooker } from '../interactions/visibility.rules.js';
import { ApiScope, type Viewer } from './viewer.js';

/** Loads what the visibility table needs about a viewer: for an agent, the custom trays it may see. */
export async function onlookerFor(em: Em, viewer: Viewer): Promise<Onlooker> {
  switch (viewer.kind) {
    case 'ANONYMOUS':
      return { kind: 'NOBODY' };
    case 'VISITOR':
      return { kind: 'VISITOR', interactionId: viewer.interactionId };
    case 'API_KEY':
      return { kind: 'KEY', supervise: viewer.scopes.includes(ApiScope.SUPERVISE), campaignIds: viewer.campaignIds };
    case 'USER': {
      const access = await rows<{ tray_id: string }>(
        em,
        'select distinct tray_id from tray_access where user_id = ? or team_id = any(?::uuid[])',
        [viewer.userId, pgArray(viewer.teamIds)],
      );
      return { kind: 'STAFF', userId: viewer.userId, role: viewer.role, customTrayIds: new Set(access.map((a) => a.tray_id)) };
    }
  }
}
