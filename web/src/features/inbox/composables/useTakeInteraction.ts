import { useMutation } from '@vue/apollo-composable';
import { useI18n } from 'vue-i18n';
import { TakeInteractionDocument } from '../../../gql/graphql';
import { useActionRunner } from '../../../shared/composables/useActionRunner';
import { markOwnTake } from '../../../shared/interactions/ownTakes';
import type { InboxRow } from '../inboxRules';

/** Takes a waiting chat; tells the agent why when someone else was first (CONFLICT). */
export function useTakeInteraction(onTaken: (row: InboxRow) => void) {
  const { t } = useI18n();
  // The action's key is the chat's id, so `taking` says which row's button spins.
  const { running: taking, run } = useActionRunner();
  const { mutate } = useMutation(TakeInteractionDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  async function take(id: string): Promise<void> {
    const outcome = await run(id, t('inbox.takeFailed'), () => {
      markOwnTake(id);
      return mutate({ id });
    });
    if (outcome.ok && outcome.value?.data) onTaken(outcome.value.data.takeInteraction);
  }

  return { take, taking };
}
