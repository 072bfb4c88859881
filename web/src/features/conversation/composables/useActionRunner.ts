import { useMessage } from 'naive-ui';
import { ref } from 'vue';
import { errorMessage } from '../../../shared/apollo/errors';

/** What one action came to: its value, or the words to show the person (the server's, else a fallback). */
export type ActionOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs a person's actions one at a time (a second click while one runs does nothing) and turns a
 * refusal (CONFLICT when someone was faster, FORBIDDEN, bad input) into a message instead of a crash.
 * `running` names the action in flight so its button can spin and the others wait.
 */
export function useActionRunner() {
  const notice = useMessage();
  const running = ref<string | null>(null);

  async function run<T>(key: string, fallback: string, action: () => Promise<T>, options: { quiet?: boolean } = {}): Promise<ActionOutcome<T>> {
    if (running.value) return { ok: false, message: fallback };
    running.value = key;
    try {
      return { ok: true, value: await action() };
    } catch (e) {
      const message = errorMessage(e) ?? fallback;
      if (!options.quiet) notice.error(message);
      return { ok: false, message };
    } finally {
      running.value = null;
    }
  }

  return { running, run };
}
