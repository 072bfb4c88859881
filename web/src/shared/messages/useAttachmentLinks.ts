import { useApolloClient } from '@vue/apollo-composable';
import { shallowRef } from 'vue';
import { MessagesDocument } from '../../gql/graphql';
import { linkIsStale } from './attachmentLinks';
import type { ChatMessage } from './messageList';

type Attachment = ChatMessage['attachments'][number];

/**
 * A message's attachment links, kept working in a chat left open all day: the signed links last an
 * hour, so one that has expired (an image or a player that failed, a download about to be opened)
 * is fetched afresh with the message and swapped in.
 */
export function useAttachmentLinks(message: () => Pick<ChatMessage, 'interactionId' | 'sequence' | 'attachments'>) {
  const { resolveClient } = useApolloClient();
  /** Fresh links by attachment id, replacing the ones the message came with. */
  const fresh = shallowRef(new Map<string, string>());
  let inFlight = false;

  const urlOf = (attachment: Attachment): string => fresh.value.get(attachment.id) ?? attachment.url;

  /** Fetches the links again if any has expired or is about to; otherwise nothing happens. */
  async function refresh(): Promise<void> {
    const { interactionId, sequence, attachments } = message();
    if (inFlight || !attachments.some((attachment) => linkIsStale(urlOf(attachment), Date.now()))) return;
    inFlight = true;
    try {
      const { data } = await resolveClient().query({
        query: MessagesDocument,
        variables: { interactionId, afterSequence: sequence - 1, first: 1 },
        fetchPolicy: 'no-cache',
      });
      const again = data?.messages.find((m) => m.sequence === sequence);
      if (again) fresh.value = new Map(again.attachments.map((attachment) => [attachment.id, attachment.url]));
    } catch {
      // The old link stays; the next failure or hover tries again.
    } finally {
      inFlight = false;
    }
  }

  return { urlOf, refresh };
}
