import { useMutation } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  CloseInteractionDocument,
  JoinInteractionDocument,
  LeaveInteractionDocument,
  ReturnToTrayDocument,
  SetInteractionStatusDocument,
  type InteractionResult,
  type InteractionStatus,
  type InteractionSummaryFragment,
} from '../../../gql/graphql';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { chatActions, closeResults } from '../actions';
import { useActionRunner } from '../../../shared/composables/useActionRunner';

type Row = InteractionSummaryFragment;

/**
 * The header's actions on one chat. `onChanged` receives the chat as the server left it, so the
 * inbox shows it at once; a return to the tray reports nothing, because the chat may leave this
 * person's sight and its REMOVED event must not be undone by a late answer.
 */
export function useChatActions(interaction: Readonly<Ref<Row>>, onChanged: (row: Row) => void) {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { running, run } = useActionRunner();

  const offered = computed(() => chatActions(interaction.value, user.value));
  const results = computed(() => closeResults(user.value));

  const statusMutation = useMutation(SetInteractionStatusDocument, { throws: 'always' });
  const joinMutation = useMutation(JoinInteractionDocument, { throws: 'always' });
  const leaveMutation = useMutation(LeaveInteractionDocument, { throws: 'always' });
  const returnMutation = useMutation(ReturnToTrayDocument, { throws: 'always' });
  const closeMutation = useMutation(CloseInteractionDocument, { throws: 'always' });

  const id = () => interaction.value.id;
  const report = (row: Row | undefined) => row && onChanged(row);

  async function setStatus(status: InteractionStatus): Promise<void> {
    const outcome = await run('status', t('chatActions.failed'), () => statusMutation.mutate({ id: id(), status }));
    if (outcome.ok) report(outcome.value?.data?.setInteractionStatus);
  }

  async function join(): Promise<void> {
    const outcome = await run('join', t('chatActions.failed'), () => joinMutation.mutate({ id: id() }));
    if (outcome.ok) report(outcome.value?.data?.joinInteraction);
  }

  /** Like a return, reports nothing: the chat may leave this person's sight with it. */
  async function leave(): Promise<void> {
    await run('leave', t('chatActions.failed'), () => leaveMutation.mutate({ id: id() }));
  }

  async function returnToTray(): Promise<void> {
    await run('return', t('chatActions.failed'), () => returnMutation.mutate({ id: id() }));
  }

  /** Resolves true when the chat is closed, so the confirmation can go away. */
  async function close(result: InteractionResult): Promise<boolean> {
    const outcome = await run('close', t('chatActions.failed'), () => closeMutation.mutate({ id: id(), result }));
    if (outcome.ok) report(outcome.value?.data?.closeInteraction);
    return outcome.ok;
  }

  return { offered, results, running, setStatus, join, leave, returnToTray, close };
}
