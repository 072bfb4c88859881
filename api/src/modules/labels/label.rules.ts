import { allow, deny, labelName, MAX_LABEL_LENGTH, type Decision } from '../interactions/interaction.rules.js';

/** Tags mark chats; skills (expertise) mark people and the chats that need them. */
export type LabelKind = 'TAG' | 'SKILL';

/** One tag or skill name, stored as setTags and setExpertise store it: trimmed, lower-case, 1 to 50 characters. */
export function cleanLabel(value: string): Decision<string> {
  const name = labelName(value);
  if (!name) return deny('BAD_USER_INPUT', 'Enter a name');
  if (name.length > MAX_LABEL_LENGTH) return deny('BAD_USER_INPUT', `A name holds at most ${MAX_LABEL_LENGTH} characters`);
  return allow(name);
}

/**
 * Why a rename may not happen, or null when it may. Renaming onto a name that exists would merge
 * two labels silently, which is rarely what the administrator meant and cannot be undone.
 */
export function renameRefusal(from: string, to: string, targetExists: boolean): string | null {
  if (from === to) return null;
  return targetExists ? `"${to}" already exists; delete one of them instead` : null;
}
