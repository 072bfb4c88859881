/** The trail events that close a call's ringing; their data names the call. */
const SETTLING = new Set(['CALL_STARTED', 'CALL_DECLINED', 'CALL_ENDED']);

/**
 * Whether a chat's trail says a call was answered, declined or ended. `callEvents` is not replayed
 * after a dropped socket, so a call still ringing on screen is checked against the trail.
 */
export function callSettled(events: readonly { type: string; data: Record<string, unknown> }[], callId: string): boolean {
  return events.some((event) => SETTLING.has(event.type) && event.data.callId === callId);
}
