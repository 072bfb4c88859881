import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { TransferInteractionDocument, TransferTargetsDocument, type InteractionSummaryFragment } from '../../../gql/graphql';
import { useActionRunner } from '../../../shared/composables/useActionRunner';
import { targetChoices, targetInput, type TargetKind } from '../targets';

/**
 * The transfer dialog's state while `open`: where the chat may go (asked again at each opening,
 * since agents' states change), the choice, the note, and the transfer itself. The chat usually
 * leaves the agent's sight afterwards; its REMOVED event, not this answer, takes it off the inbox.
 */
export function useTransfer(interaction: Readonly<Ref<InteractionSummaryFragment>>, open: Ref<boolean>) {
  const { t } = useI18n();
  const { running, run } = useActionRunner();

  const kind = ref<TargetKind>('tray');
  const targetId = ref<string | null>(null);
  const note = ref('');

  const query = useQuery(
    TransferTargetsDocument,
    () => ({ interactionId: interaction.value.id }),
    () => ({
      enabled: open.value,
      fetchPolicy: 'network-only',
    }),
  );
  const choices = computed(() => targetChoices(query.result.value?.transferTargets ?? null, kind.value, interaction.value.tray?.id ?? null));

  watch(kind, () => (targetId.value = null));
  // Every opening starts afresh: a half-made choice from before may no longer be right.
  watch(open, (isOpen) => {
    if (!isOpen) return;
    kind.value = 'tray';
    targetId.value = null;
    note.value = '';
  });

  const { mutate } = useMutation(TransferInteractionDocument, { throws: 'always', fetchPolicy: 'no-cache' });
  const canSubmit = computed(() => targetId.value !== null && running.value === null);

  async function submit(): Promise<void> {
    const target = targetId.value;
    if (!target || !canSubmit.value) return;
    const outcome = await run('transfer', t('chatTransfer.failed'), () => mutate({ id: interaction.value.id, to: targetInput(kind.value, target), note: note.value.trim() || null }));
    if (outcome.ok) open.value = false;
  }

  return {
    kind,
    targetId,
    note,
    choices,
    loading: computed(() => query.loading.value),
    error: computed(() => query.error.value ?? null),
    submitting: computed(() => running.value !== null),
    canSubmit,
    submit,
  };
}
