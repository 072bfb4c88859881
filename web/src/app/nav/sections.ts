import type { Role } from '../../gql/graphql';

/** The app's main screens and who uses them: agents the inbox, contacts and offline messages, supervisors also the monitor, administrators everything. */
export interface Section {
  route: 'inbox' | 'contacts' | 'offline-messages' | 'monitor' | 'admin';
  label: string;
  roles: readonly Role[];
}

export const SECTIONS: readonly Section[] = [
  { route: 'inbox', label: 'nav.inbox', roles: ['AGENT', 'SUPERVISOR', 'ADMIN'] },
  { route: 'contacts', label: 'nav.contacts', roles: ['AGENT', 'SUPERVISOR', 'ADMIN'] },
  { route: 'offline-messages', label: 'offlineMessages.nav', roles: ['AGENT', 'SUPERVISOR', 'ADMIN'] },
  { route: 'monitor', label: 'nav.monitor', roles: ['SUPERVISOR', 'ADMIN'] },
  { route: 'admin', label: 'nav.admin', roles: ['ADMIN'] },
];

/** The screens a role may open; more than one means the header shows them as navigation. */
export const sectionsFor = (role: Role | null | undefined): Section[] => (role ? SECTIONS.filter((s) => s.roles.includes(role)) : []);
