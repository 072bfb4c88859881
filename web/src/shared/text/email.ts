// The server's own test (api users/user.rules.ts): what passes here passes there.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a text reads as an e-mail address (spaces around it do not count). */
export const isEmail = (text: string): boolean => EMAIL.test(text.trim());
