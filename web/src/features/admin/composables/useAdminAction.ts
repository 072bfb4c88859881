import { useMessage } from 'naive-ui';
import { useI18n } from 'vue-i18n';
import { useActionRunner } from '../../../shared/composables/useActionRunner';

/**
 * Runs an administrator's change: refusals show the server's words (useActionRunner), success a
 * short confirmation, and the caller refreshes its list with `after`.
 */
export function useAdminAction() {
  const { t } = useI18n();
  const notice = useMessage();
  const { running, run } = useActionRunner();

  async function act<T>(key: string, action: () => Promise<T>, after?: (value: T) => unknown, savedText = t('admin.common.saved')): Promise<T | null> {
    const outcome = await run(key, t('admin.common.failed'), action);
    if (!outcome.ok) return null;
    notice.success(savedText);
    await after?.(outcome.value);
    return outcome.value;
  }

  return { running, act };
}
