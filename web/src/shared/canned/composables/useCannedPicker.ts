import { useQuery } from '@vue/apollo-composable';
import { computed, ref, shallowRef, type Ref } from 'vue';
import { CannedResponsesDocument, type CannedResponsesQuery } from '../../../gql/graphql';
import { filterCanned, moveActive, slashQueryAt, type SlashQuery } from '../cannedRules';

export type CannedResponse = CannedResponsesQuery['cannedResponses'][number];

/** How the list was opened: by typing "/" in the draft (the draft is the search), or by its button (a search field of its own). */
export type CannedMenu = { mode: 'closed' } | { mode: 'slash'; slash: SlashQuery } | { mode: 'search' };

/** What to put in the draft for a chosen response; `replace` is the "/query" it takes the place of. */
export interface CannedChoice {
  body: string;
  replace: { from: number; to: number } | null;
}

/**
 * A campaign's canned responses and the list an agent picks one from. The responses load with the
 * conversation (a short list), so typing "/" shows them at once.
 */
export function useCannedPicker(campaignId: Readonly<Ref<string | null>>, language: Readonly<Ref<string | null>> = ref(null)) {
  const menu = shallowRef<CannedMenu>({ mode: 'closed' });
  const search = ref('');
  const active = ref(0);
  /** A "/" the agent closed with Escape stays closed until another one is typed. */
  let dismissedAt: number | null = null;

  const { result, loading, error, refetch } = useQuery(
    CannedResponsesDocument,
    () => ({ campaignId: campaignId.value ?? '' }),
    // A list read earlier may have changed since: ask again on mount (live directories follow it after).
    () => ({ enabled: campaignId.value !== null, fetchPolicy: 'cache-and-network' }),
  );
  const responses = computed(() => result.value?.cannedResponses ?? []);

  const query = computed(() => (menu.value.mode === 'slash' ? menu.value.slash.query : search.value));
  const options = computed(() => (menu.value.mode === 'closed' ? [] : filterCanned(responses.value, query.value, language.value)));

  function open(next: CannedMenu): void {
    menu.value = next;
    active.value = 0;
  }

  /** Follows the draft: a "/query" at the cursor opens the list filtered by it; leaving it closes the list. */
  function followDraft(draft: string, cursor: number): void {
    if (campaignId.value === null || menu.value.mode === 'search') return;
    const slash = slashQueryAt(draft, cursor);
    if (!slash || slash.start !== dismissedAt) dismissedAt = null;
    if (slash && dismissedAt === null) {
      if (menu.value.mode !== 'slash' || menu.value.slash.query !== slash.query) open({ mode: 'slash', slash });
    } else if (menu.value.mode === 'slash') open({ mode: 'closed' });
  }

  function toggleSearch(): void {
    search.value = '';
    open(menu.value.mode === 'search' ? { mode: 'closed' } : { mode: 'search' });
  }

  function close(): void {
    if (menu.value.mode === 'slash') dismissedAt = menu.value.slash.start;
    open({ mode: 'closed' });
  }

  function move(step: 1 | -1): void {
    active.value = moveActive(active.value, step, options.value.length);
  }

  /** The response to insert (the highlighted one unless `index` says otherwise); the list closes. */
  function choose(index = active.value): CannedChoice | null {
    const picked = options.value[index];
    const current = menu.value;
    if (!picked || current.mode === 'closed') return null;
    open({ mode: 'closed' });
    const replace = current.mode === 'slash' ? { from: current.slash.start, to: current.slash.start + current.slash.query.length + 1 } : null;
    return { body: picked.body, replace };
  }

  return {
    menu,
    search,
    active,
    options,
    /** Whether the campaign has any responses at all (an empty filter result reads differently). */
    hasResponses: computed(() => responses.value.length > 0),
    loading,
    /** The responses could not be loaded (and none are held from before). */
    failed: computed(() => error.value != null && responses.value.length === 0),
    retry: () => void refetch(),
    followDraft,
    toggleSearch,
    setActive: (index: number) => (active.value = index),
    close,
    move,
    choose,
  };
}
