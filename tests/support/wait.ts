/**
 * Polls `read` until `done` holds of its value, or the time runs out; returns the last value read so
 * the caller's assertion reports what was actually seen. Background work (job queues, routing passes)
 * settles on its own schedule, so tests wait for an outcome rather than for a fixed time.
 */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, everyMs));
    value = await read();
  }
  return value;
}
