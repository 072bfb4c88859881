import { useMutation } from '@vue/apollo-composable';
import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { LeaveOfflineMessageDocument } from '../../gql/graphql';
import { errorText } from '../../shared/apollo/errors';
import type { WidgetCampaign } from '../campaignTexts';
import { rememberContact } from '../contactMemory';
import { CONTACT_FIELDS, contactErrors, FieldError, type ContactErrors, type ContactField } from '../contactRules';
import { useWidgetContext } from '../context';
import { useSubmitErrors } from './useSubmitErrors';

/** The server's limit on an offline message (api offline-message.service.ts). */
export const OFFLINE_BODY_MAX = 5000;

/** Every detail is offered and none is required on its own: one way to answer is (see contactErrors). */
const OFFERED = new Set(CONTACT_FIELDS);
const NONE_REQUIRED = new Set<ContactField>();

type OfflineErrors = ContactErrors & { body?: FieldError };

/**
 * Out of hours: the message the visitor leaves instead of chatting. It starts from the details
 * typed for the chat; the server needs an e-mail or a phone to answer it.
 */
export function useOfflineMessage(campaign: Readonly<Ref<WidgetCampaign>>) {
  const { params, store, contact } = useWidgetContext();
  const { t } = useI18n();
  const body = ref('');
  const { errors, validate } = useSubmitErrors<OfflineErrors>(() => ({
    ...contactErrors(contact, NONE_REQUIRED, true),
    ...(body.value.trim() ? {} : { body: FieldError.REQUIRED }),
  }));
  const error = ref<string | null>(null);
  const { mutate, loading } = useMutation(LeaveOfflineMessageDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  /** Sends the message; false when something needs fixing first. */
  async function send(): Promise<boolean> {
    if (loading.value) return true;
    error.value = null;
    if (!validate()) return false;
    try {
      await mutate({
        input: {
          campaignId: campaign.value.id,
          body: body.value.trim(),
          name: contact.name.trim() || null,
          email: contact.email.trim() || null,
          phone: contact.phone.trim() || null,
          language: params.languageTag,
        },
      });
      rememberContact(contact);
      store.offlineMessageSent();
    } catch (e) {
      error.value = errorText(e, t);
    }
    return true;
  }

  return { contact, offered: OFFERED, required: NONE_REQUIRED, body, errors, error, loading, send };
}
