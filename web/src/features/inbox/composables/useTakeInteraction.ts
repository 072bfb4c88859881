import { useMutation } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { TakeInteractionDocument } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/apollo/errors';
import { markOwnTake } from '../../../shared/interactions/ownTakes';
import type { InboxRow } from './useInbox';

/** Takes a waiting chat; tells the agent why when someone else was first (CONFLICT). */
export function useTakeInteraction(onTaken: (row: InboxRow) => void) {
  const { t } = useI18n();
  const notice = useMessage();
  const taking = ref<string | null>(null);
  const { mutate } = useMutation(TakeInteractionDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  async function take(id: string): Promise<void> {
    if (taking.value) return;
    taking.value = id;
    markOwnTake(id);
    try {
      const result = await mutate({ id });
      if (result?.data) onTaken(result.data.takeInteraction);
    } catch (e) {
      notice.error(errorMessage(e) ?? t('inbox.takeFailed'));
    } finally {
      taking.value = null;
    }
  }

  return { take, taking };
}
