import { useMutation, useQuery } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { computed, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { CloseInteractionsDocument, TransferInteractionsDocument, TransferTargetsDocument, type InteractionResult } from '../../../gql/graphql';
import { useActionRunner } from '../../../shared/composables/useActionRunner';
import { targetChoices, targetInput, type TargetKind } from '../../transfer/targets';
import { BULK_LIMIT, pruneSelection, toggleSelection } from '../monitorRules';

/**
 * Up to five chats picked across the panel, closed or transferred together (the API does all or
 * none). Targets are those of the first chat picked: a bulk transfer is meant for chats of one
 * campaign, and the API refuses a tray another chat may not go to, with a message.
 */
export function useBulkChats(openIds: Readonly<Ref<ReadonlySet<string>>>) {
  const { t } = useI18n();
  const notice = useMessage();
  const { running, run } = useActionRunner();
  const selected = ref<string[]>([]);

  // A chat that closed or left the filter cannot be acted on from here any more.
  watch(openIds, (ids) => {
    const kept = pruneSelection(selected.value, ids);
    if (kept.length !== selected.value.length) selected.value = kept;
  });

  function toggle(id: string): void {
    const change = toggleSelection(selected.value, id);
    if (!change.ok) notice.warning(t('monitor.bulk.limit', { n: BULK_LIMIT }));
    selected.value = change.selected;
  }

  const clear = () => (selected.value = []);

  const transferOpen = ref(false);
  const kind = ref<TargetKind>('tray');
  const targetId = ref<string | null>(null);
  const note = ref('');
  watch(kind, () => (targetId.value = null));
  watch(transferOpen, (open) => {
    if (!open) return;
    kind.value = 'tray';
    targetId.value = null;
    note.value = '';
  });
  const targets = useQuery(
    TransferTargetsDocument,
    () => ({ interactionId: selected.value[0] ?? '' }),
    () => ({
      enabled: transferOpen.value && selected.value.length > 0,
      fetchPolicy: 'network-only',
    }),
  );
  const choices = computed(() => targetChoices(targets.result.value?.transferTargets ?? null, kind.value, null));

  const closeMutation = useMutation(CloseInteractionsDocument, { throws: 'always', fetchPolicy: 'no-cache' });
  const transferMutation = useMutation(TransferInteractionsDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  async function close(result: InteractionResult): Promise<boolean> {
    const ids = [...selected.value];
    if (!ids.length) return false;
    const outcome = await run('close', t('monitor.bulk.failed'), () => closeMutation.mutate({ ids, result }));
    if (outcome.ok) clear();
    return outcome.ok;
  }

  async function transfer(): Promise<void> {
    const ids = [...selected.value];
    const target = targetId.value;
    if (!ids.length || !target) return;
    const outcome = await run('transfer', t('monitor.bulk.failed'), () => transferMutation.mutate({ ids, to: targetInput(kind.value, target), note: note.value.trim() || null }));
    if (outcome.ok) {
      clear();
      transferOpen.value = false;
    }
  }

  return {
    selected,
    toggle,
    clear,
    close,
    transferOpen,
    kind,
    targetId,
    note,
    choices,
    targetsLoading: computed(() => targets.loading.value),
    transfer,
    busy: computed(() => running.value !== null),
  };
}
