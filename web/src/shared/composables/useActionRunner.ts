import { useMessage } from 'naive-ui';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorText } from '../apollo/errors';

/** What one action came to: its value, or the words to show the person, in their language. */
export type ActionOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs a person's actions one at a time and turns a refusal (CONFLICT when someone was faster,
 * FORBIDDEN, bad input) into a message instead of a crash. `running` names the action in flight so
 * its control can spin and the others wait. An action asked for while another runs is refused with
 * the fallback message, shown like any refusal: callers disable their controls meanwhile, so this
 * only catches a path they missed, and a change must never vanish without a word.
 */
export function useActionRunner() {
  const notice = useMessage();
  const { t } = useI18n();
  const running = ref<string | null>(null);

  async function run<T>(key: string, fallback: string, action: () => Promise<T>, options: { quiet?: boolean } = {}): Promise<ActionOutcome<T>> {
    const refuse = (message: string): ActionOutcome<T> => {
      if (!options.quiet) notice.error(message);
      return { ok: false, message };
    };
    if (running.value) return refuse(fallback);
    running.value = key;
    try {
      return { ok: true, value: await action() };
    } catch (e) {
      return refuse(errorText(e, t));
    } finally {
      running.value = null;
    }
  }

  return { running, run };
}
