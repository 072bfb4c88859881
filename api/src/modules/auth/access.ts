import type { Onlooker } from '../interactions/visibility.rules.js';
import { ApiScope, type Viewer } from './viewer.js';

/** The viewer as the visibility table sees it; everything it needs was loaded with the viewer. */
export function onlookerFor(viewer: Viewer): Onlooker {
  switch (viewer.kind) {
    case 'ANONYMOUS':
      return { kind: 'NOBODY' };
    case 'VISITOR':
      return { kind: 'VISITOR', interactionId: viewer.interactionId };
    case 'API_KEY':
      return { kind: 'KEY', keyId: viewer.keyId, supervise: viewer.scopes.includes(ApiScope.SUPERVISE), bridge: viewer.scopes.includes(ApiScope.CHANNEL), scope: viewer.scope };
    case 'USER':
      return { kind: 'STAFF', userId: viewer.userId, role: viewer.role, customTrayIds: new Set(viewer.customTrayIds), scope: viewer.scope };
  }
}
