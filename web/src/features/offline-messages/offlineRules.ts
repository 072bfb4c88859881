import type { OfflineMessageFieldsFragment } from '../../gql/graphql';

export type OfflineMessageRow = OfflineMessageFieldsFragment;

/** The two lists of the screen: what still waits for someone, and what colleagues already handled. */
export type OfflineView = 'waiting' | 'handled';

/** How the customer can be reached, as one line: name, e-mail, phone (whichever they left). */
export const contactLine = (m: Pick<OfflineMessageRow, 'email' | 'phone'>): string => [m.email, m.phone].filter(Boolean).join(' · ');

/** An e-mail answer needs an address: a customer who left only a phone is called, or gets a conversation. */
export const canAnswerByEmail = (m: Pick<OfflineMessageRow, 'email' | 'handled'>): boolean => !m.handled && !!m.email;

export interface HandledSummary {
  /** The text key: answered by e-mail, or turned into a conversation. */
  key: 'offlineMessages.handledEmail' | 'offlineMessages.handledConversation';
  /** Whoever handled it may open the conversation it became; colleagues see its protocol. */
  openId: string | null;
}

export function handledSummary(handled: NonNullable<OfflineMessageRow['handled']>, viewerId: string | null): HandledSummary {
  if (handled.how === 'EMAIL') return { key: 'offlineMessages.handledEmail', openId: null };
  return { key: 'offlineMessages.handledConversation', openId: handled.interactionId && viewerId !== null && handled.byId === viewerId ? handled.interactionId : null };
}
