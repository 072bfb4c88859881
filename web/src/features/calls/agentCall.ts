import { onScopeDispose, readonly, ref, watchEffect } from 'vue';

// Module-level: one agent, one call, whichever component shows it. useAgentCalls owns it.
const onCall = ref(false);
let hangUp: () => Promise<void> = () => Promise.resolve();

/** Whether the signed-in agent is on a call: the state menu shows a phone meanwhile. */
export const agentOnCall = readonly(onCall);

/** Ends the agent's call if there is one: signing out must not leave a customer on an open line. */
export const endAgentCall = (): Promise<void> => hangUp();

/** For useAgentCalls: shares whether there is a call and how to end it, while the caller lives. */
export function shareAgentCall(isOnCall: () => boolean, end: () => Promise<void>): void {
  hangUp = end;
  watchEffect(() => (onCall.value = isOnCall()));
  onScopeDispose(() => {
    onCall.value = false;
    hangUp = () => Promise.resolve();
  });
}
