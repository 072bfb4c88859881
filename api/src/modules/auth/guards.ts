import { forbidden, unauthenticated } from '../../shared/errors.js';
import { Role } from '../users/user.enums.js';
import { isAdmin, type Viewer } from './viewer.js';

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
