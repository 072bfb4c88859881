/** The trail events that close a call's ringing; their data names the call. */
const SETTLING = new Set(['CALL_STARTED', 'CALL_DECLINED', 'CALL_ENDED']);

/**
 * Whether a chat's trail says a call was answered, declined or ended. `callEvents` is not replayed
 * after a dropped socket, so a call still ringing on screen is checked against the trail.
 */
export function callSettled(events: readonly { type: string; data: string }[], callId: string): boolean {
  return events.some((event) => {
    if (!SETTLING.has(event.type)) return false;
    try {
      return (JSON.parse(event.data) as { callId?: unknown }).callId === callId;
    } catch {
      return false;
    }
  });
}
