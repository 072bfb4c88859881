import { useQuery } from '@vue/apollo-composable';
import { computed, watch, type Ref } from 'vue';
import { ConversationTrailDocument, type InteractionSummaryFragment } from '../../../gql/graphql';
import { trailLines } from '../../../shared/events/trail';
import { useTrailText } from '../../../shared/events/useTrailText';
import type { ThreadEntry } from '../../../shared/messages/messageList';

/**
 * The chat's trail as lines between its messages. Every change of the chat reaches the inbox live
 * as a new summary object: that is when the trail has grown, so it is fetched again then, never polled.
 */
export function useTimeline(interaction: Readonly<Ref<InteractionSummaryFragment>>) {
  const query = useQuery(ConversationTrailDocument, () => ({ id: interaction.value.id }), { fetchPolicy: 'network-only' });
  watch(interaction, (now, before) => {
    if (now.id === before.id) void query.refetch();
  });
  const { who, what, note } = useTrailText();
  // "Taken by Ana · Ana" says the name twice: who did it is left out when the line already names them.
  const byline = (text: string, by: string) => (text.includes(by) ? text : `${text} · ${by}`);
  const entries = computed<ThreadEntry[]>(() => {
    const found = query.result.value?.interaction;
    if (!found || found.id !== interaction.value.id) return [];
    const names = new Map(found.trailNames.map((x) => [x.id, x.name]));
    return trailLines(found.events, names).map((line) => ({ id: line.id, at: line.at, key: line.key, text: byline(what(line), who(line.actor)), note: note(line) }));
  });
  return { entries };
}
