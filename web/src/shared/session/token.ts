import { readonly, ref } from 'vue';
import { readStored, writeStored } from '../storage';

const TOKEN_KEY = 'parley.token';

const token = ref<string | null>(readStored(TOKEN_KEY));

// Signing out in one tab signs out every tab.
window.addEventListener('storage', (event) => {
  if (event.key === TOKEN_KEY) token.value = event.newValue;
});

/** The signed-in person's session token, or null. */
export const sessionToken = readonly(token);

/** Stores (or, with null, forgets) the session token for this browser. */
export function setSessionToken(value: string | null): void {
  token.value = value;
  writeStored(TOKEN_KEY, value);
}
