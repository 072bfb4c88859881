import { isEmail } from '../shared/text/email';

/** What the visitor types about itself, kept as typed (blank answers are not sent). */
export interface ContactDraft {
  name: string;
  email: string;
  phone: string;
}

export type ContactField = keyof ContactDraft;

export const CONTACT_FIELDS: readonly ContactField[] = ['name', 'email', 'phone'];

/** The fields a campaign asks for; whatever it asks for is required. */
export function askedFields(campaign: { askName: boolean; askEmail: boolean; askPhone: boolean }): Set<ContactField> {
  const asked = new Set<ContactField>();
  if (campaign.askName) asked.add('name');
  if (campaign.askEmail) asked.add('email');
  if (campaign.askPhone) asked.add('phone');
  return asked;
}

/** Why a field is refused; each has a translated text under `webchat.fieldError`. */
export enum FieldError {
  REQUIRED = 'required',
  EMAIL = 'email',
  PHONE = 'phone',
  /** An offline message needs an e-mail or a phone to be answered. */
  REACHABLE = 'reachable',
}

export type ContactErrors = Partial<Record<ContactField, FieldError>>;

// Looser than E.164 on purpose: people type spaces, dashes and brackets; 6 to 15 digits covers
// local numbers with area codes and full international ones.
const PHONE = /^\+?[0-9 ()-]+$/;

export function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value.trim()) && digits >= 6 && digits <= 15;
}

/**
 * The fields to fix before sending: required ones left blank, and any e-mail or phone typed
 * that is not one. With `needsReply`, one of e-mail and phone must be given.
 */
export function contactErrors(draft: ContactDraft, required: ReadonlySet<ContactField>, needsReply = false): ContactErrors {
  const errors: ContactErrors = {};
  for (const field of CONTACT_FIELDS) {
    if (required.has(field) && !draft[field].trim()) errors[field] = FieldError.REQUIRED;
  }
  if (!errors.email && draft.email.trim() && !isEmail(draft.email)) errors.email = FieldError.EMAIL;
  if (!errors.phone && draft.phone.trim() && !isPhone(draft.phone)) errors.phone = FieldError.PHONE;
  if (needsReply && !draft.email.trim() && !draft.phone.trim()) errors.email = FieldError.REACHABLE;
  return errors;
}

/** The first field in form order that has an error, to move the focus to. */
export const firstInvalid = (errors: ContactErrors): ContactField | null => CONTACT_FIELDS.find((field) => errors[field]) ?? null;
