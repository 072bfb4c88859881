import { useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { ChatTrailDocument } from '../../../gql/graphql';
import { trailLines } from '../../../shared/events/trail';

/** A chat's History while `id` is set: its events oldest first, each with who did it named. */
export function useChatTrail(id: Readonly<Ref<string | null>>) {
  const query = useQuery(
    ChatTrailDocument,
    () => ({ id: id.value ?? '' }),
    () => ({ enabled: id.value !== null, fetchPolicy: 'network-only' }),
  );
  const names = computed(() => {
    const r = query.result.value;
    return new Map([...(r?.trays ?? []), ...(r?.teams ?? []), ...(r?.users ?? [])].map((x) => [x.id, x.name]));
  });
  const interaction = computed(() => (query.result.value?.interaction.id === id.value ? query.result.value.interaction : null));
  return {
    interaction,
    lines: computed(() => (interaction.value ? trailLines(interaction.value.events, names.value) : [])),
    loading: computed(() => query.loading.value && !interaction.value),
    error: computed(() => query.error.value ?? null),
    refresh: () => void query.refetch(),
  };
}
