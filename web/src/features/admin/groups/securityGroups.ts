/** Security groups as the administration shows them: plain rules, tested without a browser. */

export interface GroupShape {
  id: string;
  name: string;
}

/** The server's limit (security-group.rules.ts): trimmed, inner spaces collapsed, 1 to 80 characters. */
export const GROUP_NAME_MAX = 80;

/** A name as it will be saved; null when it cannot be (empty or too long). */
export function groupName(raw: string): string | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  return name.length >= 1 && name.length <= GROUP_NAME_MAX ? name : null;
}

/** Select options, by name as the API orders them. */
export const groupOptions = (groups: readonly GroupShape[]) => groups.map((g) => ({ label: g.name, value: g.id }));

/**
 * Whether the signed-in administrator may choose and manage groups: only one without a group (the
 * API refuses the others). Unknown until the answer arrives, so nothing is offered before it.
 */
export function managesGroups(me: { securityGroup?: GroupShape | null } | null | undefined): boolean {
  return !!me && !me.securityGroup;
}
