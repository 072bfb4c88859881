import { useMutation } from '@vue/apollo-composable';
import { computed, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { StartInteractionDocument } from '../../gql/graphql';
import { errorText } from '../../shared/apollo/errors';
import type { WidgetCampaign } from '../campaignTexts';
import { rememberContact } from '../contactMemory';
import { askedFields, contactErrors } from '../contactRules';
import { OfflineMessage } from '../conversationStore';
import { useWidgetContext } from '../context';
import { useSubmitErrors } from './useSubmitErrors';

/** Blank answers are not sent: the campaign may not ask for every field. */
const answer = (value: string) => value.trim() || null;

/**
 * The visitor's details form and the anonymous `startInteraction`. Its admission decides what
 * follows (see useWidget): the chat, or the campaign's out-of-hours or unavailable text.
 */
export function useStartConversation(campaign: Readonly<Ref<WidgetCampaign>>) {
  const { params, store, contact } = useWidgetContext();
  const { t } = useI18n();
  const asked = computed(() => askedFields(campaign.value));
  const { errors: fieldErrors, validate } = useSubmitErrors(() => contactErrors(contact, asked.value));
  const error = ref<string | null>(null);
  const { mutate, loading } = useMutation(StartInteractionDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  /** Starts the chat; false when a field needs fixing first. */
  async function start(): Promise<boolean> {
    if (loading.value) return true;
    error.value = null;
    if (!validate()) return false;
    const fields = asked.value;
    const given = {
      name: fields.has('name') ? answer(contact.name) : null,
      email: fields.has('email') ? answer(contact.email) : null,
      phone: fields.has('phone') ? answer(contact.phone) : null,
    };
    try {
      const result = await mutate({
        input: {
          campaignId: campaign.value.id,
          channel: 'WEBCHAT',
          // The visitor's real tag: the server posts its texts (welcome, closing) in the language Parley
          // speaks of it, else in the campaign's default, as the widget shows them (params.textLanguage).
          language: params.languageTag,
          country: params.country,
          returningVisitorToken: store.returningToken(),
          contact: given,
        },
      });
      const started = result?.data?.startInteraction;
      if (!started?.visitorToken) throw new Error('startInteraction returned no visitor token');
      rememberContact(given);
      store.remember({
        interactionId: started.interaction.id,
        visitorToken: started.visitorToken,
        admission: started.admission,
        offlineMessage: started.offlineMessagesAllowed ? OfflineMessage.ALLOWED : OfflineMessage.NOT_TAKEN,
      });
    } catch (e) {
      error.value = errorText(e, t);
    }
    return true;
  }

  return { contact, asked, fieldErrors, error, loading, start };
}
