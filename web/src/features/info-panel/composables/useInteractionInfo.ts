import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { AddNoteDocument, InteractionInfoDocument, SetExpertiseDocument, SetTagsDocument, type InteractionSummaryFragment } from '../../../gql/graphql';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { mayAnnotate } from '../../conversation/actions';
import { chatOrigin } from '../labels';
import { useActionRunner } from '../../../shared/composables/useActionRunner';

/**
 * The details of one chat that the inbox list does not carry (notes, tags, expertise, bot answers,
 * country, language, result), and the changes an agent makes to them. The mutations answer with
 * the same fields, so Apollo's cache updates the panel; a change by someone else moves the chat's
 * `updatedAt` (the inbox hears of it), which fetches the details again.
 */
export function useInteractionInfo(interaction: Readonly<Ref<InteractionSummaryFragment>>) {
  const { t, locale } = useI18n();
  const { running, run } = useActionRunner();
  const { user } = useCurrentUser();

  const query = useQuery(InteractionInfoDocument, () => ({ id: interaction.value.id }), { fetchPolicy: 'cache-and-network' });
  watch(
    () => interaction.value.updatedAt,
    () => void query.refetch(),
  );
  const details = computed(() => query.result.value?.interaction ?? null);
  const origin = computed(() => (details.value ? chatOrigin(details.value, locale.value) : { country: null, language: null }));

  const noteMutation = useMutation(AddNoteDocument, { throws: 'always' });
  const tagsMutation = useMutation(SetTagsDocument, { throws: 'always' });
  const expertiseMutation = useMutation(SetExpertiseDocument, { throws: 'always' });
  const id = () => interaction.value.id;

  /** Resolves true once the note is stored, so the draft can be cleared. */
  async function addNote(body: string): Promise<boolean> {
    const text = body.trim();
    if (!text) return false;
    return (await run('note', t('infoPanel.saveFailed'), () => noteMutation.mutate({ id: id(), body: text }))).ok;
  }

  async function setTags(tags: string[]): Promise<void> {
    await run('tags', t('infoPanel.saveFailed'), () => tagsMutation.mutate({ id: id(), tags }));
  }

  async function setExpertise(skills: string[]): Promise<void> {
    await run('expertise', t('infoPanel.saveFailed'), () => expertiseMutation.mutate({ id: id(), skills }));
  }

  return {
    details,
    loading: computed(() => query.loading.value && !details.value),
    error: computed(() => query.error.value ?? null),
    origin,
    saving: running,
    // Tags, expertise and notes each send the whole change at once; one at a time, every input
    // waiting while one saves, so no change is made on a stale list or refused unseen.
    editable: computed(() => mayAnnotate(interaction.value, user.value) && running.value === null),
    addNote,
    setTags,
    setExpertise,
  };
}
