import { forbidden, unauthenticated } from '../../shared/errors.js';
import { reaches } from '../auth/scope.rules.js';
import { scopeOf, type Viewer } from '../auth/viewer.js';
import type { DirectoryPart } from './directory.enums.js';

/** What changed, never the thing itself: a reader reads its lists again, through their own rules. */
export interface DirectoryChange {
  parts: readonly DirectoryPart[];
  /** The campaign the changed thing belongs to (a tray, its access, a canned response); null for what every campaign shares. */
  campaignId: string | null;
}

/** Staff and keys follow the directories; a visitor's widget has none to follow. */
export function requireDirectoryReader(viewer: Viewer): void {
  if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (viewer.kind === 'VISITOR') throw forbidden('Sign in as a person, or use an API key, for this');
}

/** A change bound to a campaign is told only to whoever's scope reaches it: the rest learn nothing, not even that it happened. */
export const tells = (viewer: Viewer, change: DirectoryChange): boolean =>
  (viewer.kind === 'USER' || viewer.kind === 'API_KEY') && (change.campaignId === null || reaches(scopeOf(viewer), change.campaignId));
