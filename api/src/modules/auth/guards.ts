import { forbidden, unauthenticated } from '../../shared/errors.js';
import { Role } from '../users/user.enums.js';
import { mayManagePeople } from './scope.rules.js';
import { isAdmin, scopeOf, type Viewer } from './viewer.js';

export function requireUser(viewer: Viewer): Extract<Viewer, { kind: 'USER' }> {
  if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (viewer.kind !== 'USER') throw forbidden('Sign in as a person for this');
  return viewer;
}

export function requireAdmin(viewer: Viewer): void {
  if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (!isAdmin(viewer)) throw forbidden('Only administrators can do this');
}

export function requireSupervisor(viewer: Viewer): void {
  if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (!(viewer.kind === 'USER' && viewer.role !== Role.AGENT) && !isAdmin(viewer)) throw forbidden('Only supervisors can do this');
}

/** Making, changing and deactivating people, and putting them in teams: administrators whose scope manages people (see mayManagePeople). */
export function requirePeopleManager(viewer: Viewer): void {
  requireAdmin(viewer);
  if (!mayManagePeople(scopeOf(viewer))) throw forbidden('A key limited to some campaigns cannot manage people');
}

/**
 * Tags, skills and pause reasons are shared by every group: renaming, deleting or retiring one
 * changes other groups' chats and people, so only an administrator who reaches everything may.
 */
export function requireInstallationAdmin(viewer: Viewer): void {
  requireAdmin(viewer);
  if (scopeOf(viewer).kind !== 'ALL') throw forbidden('Only administrators without a security group change what every group shares');
}
