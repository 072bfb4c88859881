import { useMutation } from '@vue/apollo-composable';
import { computed, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { SendTranscriptDocument } from '../../../gql/graphql';
import { useActionRunner } from '../../../shared/composables/useActionRunner';
import { isEmail } from '../../../shared/text/email';

export type TranscriptState = { kind: 'idle' } | { kind: 'sent'; to: string } | { kind: 'failed'; message: string };

/**
 * "Send transcript": the address starts as the contact's e-mail and may be edited; the outcome
 * stays on screen (where it went, or why it did not) until the address changes.
 */
export function useTranscript(interactionId: Readonly<Ref<string>>, contactEmail: Readonly<Ref<string | null | undefined>>) {
  const { t } = useI18n();
  const { running, run } = useActionRunner();
  const to = ref(contactEmail.value ?? '');
  const state = ref<TranscriptState>({ kind: 'idle' });

  // The details arrive after the panel opens: fill the address then, unless the agent typed one.
  watch(contactEmail, (email, before) => {
    if (email && to.value === (before ?? '')) to.value = email;
  });
  watch(to, () => (state.value = { kind: 'idle' }));

  const { mutate } = useMutation(SendTranscriptDocument, { throws: 'always', fetchPolicy: 'no-cache' });
  const canSend = computed(() => isEmail(to.value) && running.value === null);

  async function send(): Promise<void> {
    if (!canSend.value) return;
    const outcome = await run('transcript', t('infoPanel.transcript.failed'), () => mutate({ interactionId: interactionId.value, to: to.value.trim() }), {
      quiet: true,
    });
    state.value = outcome.ok ? { kind: 'sent', to: outcome.value?.data?.sendTranscript.to ?? to.value.trim() } : { kind: 'failed', message: outcome.message };
  }

  return { to, state, sending: computed(() => running.value !== null), canSend, send };
}
