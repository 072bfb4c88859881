import type { Language } from '../campaigns/campaign.enums.js';
import { normalizeLanguage } from '../campaigns/campaign.rules.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_CHATS_LIMIT = 50;
/** The chats an agent takes at once when nobody says. */
export const DEFAULT_MAX_CHATS = 3;

/**
 * The most people one `createUsers` call makes: a 1,000-person center in one go. Each password costs
 * tens of milliseconds of argon2id, so the cap also bounds how long one request keeps a core hashing.
 */
export const MAX_PEOPLE_AT_ONCE = 1000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A plausible e-mail address; the same test for people, contacts and offline messages. */
export const isEmail = (value: string): boolean => EMAIL.test(value);

/** E-mail addresses are stored lower-case, so sign-in can compare them directly. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase();

export const validPassword = (password: string): boolean => password.length >= MIN_PASSWORD_LENGTH;

/** An agent takes between one and MAX_CHATS_LIMIT chats at once. */
export const validMaxChats = (max: number): boolean => Number.isInteger(max) && max >= 1 && max <= MAX_CHATS_LIMIT;

/** Languages an agent speaks, narrowed to es / en / pt without repeats; null when one is none of them. */
export function normalizeLanguages(values: readonly string[]): Language[] | null {
  const languages = values.map((l) => normalizeLanguage(l));
  return languages.some((l) => l === null) ? null : [...new Set(languages as Language[])];
}

/** Skills compare case-insensitively, so they are stored trimmed, lower-case and once each. */
export function normalizeSkills(values: readonly string[]): string[] {
  return [...new Set(values.map((s) => s.trim().toLowerCase()).filter(Boolean))];
}

/** A new person's profile as asked for: by the API's input, the demo's seed, an import's row. */
export interface NewPersonFields {
  email: string;
  name: string;
  password: string;
  languages?: readonly string[] | null;
  skills?: readonly string[] | null;
  maxConcurrentChats?: number | null;
}

/** A new person's profile, checked and normalised as it is stored. */
export interface CheckedPerson {
  email: string;
  name: string;
  languages: Language[];
  skills: string[];
  maxConcurrentChats: number;
}

/** A new person's profile as stored, or the field that is wrong and why. */
export type PersonCheck = { ok: true; person: CheckedPerson } | { ok: false; field: string; reason: string };

/** The one check of a new person's profile, for one person or each row of many. */
export function checkNewPerson(input: NewPersonFields): PersonCheck {
  const refuse = (field: string, reason: string): PersonCheck => ({ ok: false, field, reason });
  const email = normalizeEmail(input.email);
  if (!isEmail(email)) return refuse('email', 'Enter a valid e-mail address');
  if (!input.name.trim()) return refuse('name', 'Enter a name');
  if (!validPassword(input.password)) return refuse('password', `The password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const maxConcurrentChats = input.maxConcurrentChats ?? DEFAULT_MAX_CHATS;
  if (!validMaxChats(maxConcurrentChats)) return refuse('maxConcurrentChats', `Maximum concurrent chats must be between 1 and ${MAX_CHATS_LIMIT}`);
  const languages = normalizeLanguages(input.languages ?? []);
  if (!languages) return refuse('languages', 'Languages are es, en or pt');
  return { ok: true, person: { email, name: input.name.trim(), languages, skills: normalizeSkills(input.skills ?? []), maxConcurrentChats } };
}

/** What is wrong with one row of a list: its index in the list (from 0), the field and why. */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

/**
 * Every new person of a list checked, or every row at fault, in order: a row whose e-mail an earlier
 * row already has is at fault too, since one of the two would be refused anyway. All are told at once,
 * so a list is mended in one pass rather than a row per attempt.
 */
export function checkNewPeople(inputs: readonly NewPersonFields[]): { ok: true; people: CheckedPerson[] } | { ok: false; problems: RowProblem[] } {
  const people: CheckedPerson[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const [row, input] of inputs.entries()) {
    const check = checkNewPerson(input);
    const earlier = check.ok ? firstRowOf.get(check.person.email) : undefined;
    if (!check.ok) problems.push({ row, field: check.field, message: check.reason });
    else if (earlier !== undefined) problems.push({ row, field: 'email', message: `Row ${earlier} has the same e-mail address` });
    else {
      firstRowOf.set(check.person.email, row);
      people.push(check.person);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, people };
}

/**
 * Why a person's role may not change now, or null when it may. Someone who stops being an agent
 * must first hand on the chats they hold, so no customer is left with nobody.
 */
export function roleChangeRefusal(from: string, to: string, heldChats: number): string | null {
  if (from === to || from !== 'AGENT') return null;
  return heldChats > 0 ? `Return, transfer or close this agent's ${heldChats} chat(s) before changing the role` : null;
}

/** Why a person may not be deactivated by this administrator, or null: nobody locks themself out. */
export function deactivationRefusal(actorId: string, targetId: string, active: boolean): string | null {
  return !active && actorId === targetId ? 'You cannot deactivate yourself; ask another administrator' : null;
}

/**
 * Why this caller may not act on this person (sign out, pause, resume, deactivate, edit), or null:
 * a supervisor acts on agents and supervisors, never on an administrator; administrators and ADMIN
 * keys on anyone they reach. Whether the person is reached at all is the scope's question, asked first.
 */
export function actOnPersonRefusal(actor: 'SUPERVISOR' | 'ADMIN' | 'AGENT' | 'KEY', target: string): string | null {
  if (actor === 'AGENT') return 'Only supervisors can do this';
  if (actor === 'SUPERVISOR' && target === 'ADMIN') return 'Supervisors cannot act on administrators';
  return null;
}
