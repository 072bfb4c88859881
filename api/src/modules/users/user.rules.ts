import type { Language } from '../campaigns/campaign.enums.js';
import { normalizeLanguage } from '../campaigns/campaign.rules.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_CHATS_LIMIT = 50;

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
