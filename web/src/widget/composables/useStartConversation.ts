import { useMutation } from '@vue/apollo-composable';
import { reactive, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { StartInteractionDocument } from '../../gql/graphql';
import { errorMessage } from '../../shared/apollo/errors';
import { useWidgetContext } from '../context';
import type { WidgetCampaign } from './useWidget';

/** Blank answers are not sent: the campaign may not ask for every field. */
const answer = (value: string) => value.trim() || null;

/** The visitor's details form and the anonymous `startInteraction` that opens the chat. */
export function useStartConversation(campaign: Readonly<Ref<WidgetCampaign>>) {
  const { params, store } = useWidgetContext();
  const { t } = useI18n();
  const contact = reactive({ name: '', email: '', phone: '' });
  const error = ref<string | null>(null);
  const { mutate, loading } = useMutation(StartInteractionDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  async function start(): Promise<void> {
    if (loading.value) return;
    error.value = null;
    const asks = campaign.value;
    try {
      const result = await mutate({
        input: {
          campaignId: asks.id,
          channel: 'WEBCHAT',
          language: params.languageTag,
          contact: {
            name: asks.askName ? answer(contact.name) : null,
            email: asks.askEmail ? answer(contact.email) : null,
            phone: asks.askPhone ? answer(contact.phone) : null,
          },
        },
      });
      const started = result?.data?.startInteraction;
      if (!started?.visitorToken) throw new Error('startInteraction returned no visitor token');
      store.remember({ interactionId: started.interaction.id, visitorToken: started.visitorToken });
    } catch (e) {
      error.value = errorMessage(e) ?? t('errors.network');
    }
  }

  return { contact, error, loading, start };
}
