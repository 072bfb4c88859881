import type { TrailActor } from './interaction.events.js';
import { type Em, one, prepared } from '../../db/sql.js';
import { conflict } from '../../shared/errors.js';
import type { CampaignMessages, Language } from '../campaigns/campaign.enums.js';
import { campaignText } from '../campaigns/campaign.rules.js';
import { messageAddedSql, SYSTEM_AUTHOR } from '../messages/message.service.js';
import { MESSAGE_VIEW_COLUMNS, type MessageView, toMessageView } from '../messages/message.view.js';
import { ActorKind, InteractionEventType, type InteractionResult } from './interaction.enums.js';
import { closingResult } from './interaction.rules.js';
import { interactionViewSql, type InteractionView, toInteractionView } from './interaction.view.js';
import { endCallsWithin, hasOpenCallSql } from '../calls/call.sql.js';

/** A reason not to close after all, checked under the interaction's lock (so a message cannot slip in between). */
export interface CloseUnless {
  /** The customer wrote after this sequence, or the chat is no longer in service. */
  customerWroteAfter: number;
}

/**
 * The statement that closes a chat: sends the customer's last text (nobody may write after), moves
 * the chat into its campaign's Closed tray with its result, and writes the trail. `guard` narrows
 * which row it closes; `select` is what the statement answers. Its parameters: result, body, id,
 * the guard's, then `closingParams`.
 */
const closingSql = (guard: string, select: string): string => `with closed as (
       update interactions i set phase = 'CLOSED', result = ?, closed_at = clock_timestamp(), updated_at = now(),
              last_sequence = i.last_sequence + case when ?::text is null then 0 else 1 end,
              tray_id = (select id from trays t where t.campaign_id = i.campaign_id and t.kind = 'CLOSED')
        where i.id = ? ${guard} returning i.*),
     said as (
       insert into messages (id, interaction_id, sequence, body, author_kind, author_id, author_name, author_key, visibility, client_message_id, attachment_ids, created_at)
       select gen_random_uuid(), c.id, c.last_sequence, ?, ?, null, null, ?, 'PUBLIC', null, '{}', clock_timestamp() from closed c where ?::text is not null
       returning ${MESSAGE_VIEW_COLUMNS}),
     trail as (insert into interaction_events (interaction_id, type, actor_kind, actor_id, data, created_at)
               select id, ?, ?, ?, ?::jsonb, now() from closed returning id),
     said_trail as (${messageAddedSql('said', ActorKind.SYSTEM)})
     ${select}`;

const closingParams = (body: string | null, actor: TrailActor, data: Record<string, unknown>): unknown[] => [
  body,
  SYSTEM_AUTHOR.kind,
  SYSTEM_AUTHOR.key,
  body,
  InteractionEventType.CLOSED,
  actor.kind,
  actor.id,
  JSON.stringify(data),
];

const CLOSE_LOCKED = closingSql('', 'select (select to_jsonb(s) from said s) as said');

/**
 * Closes one interaction inside the caller's transaction, in two statements: the row is locked and
 * read with its campaign's texts, then the closing statement. Returns the text sent, if the
 * campaign has one.
 */
export async function closeWithin(
  tx: Em,
  actor: TrailActor,
  interactionId: string,
  requested: InteractionResult,
  text: 'closing' | 'outOfHours' | 'unavailable' = 'closing',
  detail: Record<string, unknown> = {},
  unless?: CloseUnless,
): Promise<MessageView | null> {
  const current = await one<{ transfer_count: number; messages: CampaignMessages; default_language: Language; language: string | null; has_call: boolean }>(
    tx,
    `select i.transfer_count, c.messages, c.default_language, coalesce(i.language, ct.language) as language, ${hasOpenCallSql('i')} as has_call
       from interactions i join campaigns c on c.id = i.campaign_id join contacts ct on ct.id = i.contact_id
      where i.id = ? and i.phase <> 'CLOSED' for update of i`,
    [interactionId],
  );
  if (!current) throw conflict('The interaction is already closed');
  // A customer's message needs this row's lock too: it either committed before, and is seen here, or
  // waits and then finds the chat closed.
  if (unless && (await answered(tx, interactionId, unless.customerWroteAfter))) throw conflict('The customer answered, or the chat left service');
  const result = closingResult(requested, current.transfer_count);
  if (current.has_call) await endCallsWithin(tx, interactionId);
  const body = campaignText(current.messages, text, current.language, current.default_language);
  const row = await one(tx, CLOSE_LOCKED, [result, body, interactionId, ...closingParams(body, actor, { result, ...detail })]);
  return row?.said ? toMessageView(row.said) : null;
}

/** A chat as a close decides on it: its view and its campaign's texts, read in one statement. */
export interface Closable {
  view: InteractionView;
  texts: { messages: CampaignMessages; defaultLanguage: Language };
  /** A call rings or runs: ending it takes the locked path. */
  hasCall: boolean;
}

const CLOSABLE_BY_ID = prepared(
  'interaction_closable',
  `${interactionViewSql('interactions', `c.messages as campaign_messages, c.default_language as campaign_default_language, ${hasOpenCallSql('i')} as has_call`)} where i.id = ?`,
);

export async function loadClosable(em: Em, id: string): Promise<Closable | null> {
  const row = await one(em, CLOSABLE_BY_ID, [id]);
  return row ? { view: toInteractionView(row), texts: { messages: row.campaign_messages, defaultLanguage: row.campaign_default_language }, hasCall: row.has_call } : null;
}

// The view decides only while nothing it was read with has moved: the row (its revision), the
// contact's language (the closing text's), and no call rings (ending one takes the locked path).
const CLOSE_ON_VIEW = prepared(
  'interaction_close_on_view',
  closingSql(
    `and i.revision = ? and i.phase <> 'CLOSED' and not ${hasOpenCallSql('i')}
         and (select ct.language from contacts ct where ct.id = i.contact_id) is not distinct from ?::text`,
    `select (select to_jsonb(s) from said s) as said, v.* from (${interactionViewSql('closed')}) v`,
  ),
);

/**
 * Closes a chat in one statement, decided on `closable` as read: the result from its transfers, the
 * text in its language. Answers null, having changed nothing, when the chat moved since: the caller
 * decides again on a fresh read.
 */
export async function closeOnView(em: Em, actor: TrailActor, { view, texts }: Closable, requested: InteractionResult): Promise<{ view: InteractionView; said: MessageView | null } | null> {
  const result = closingResult(requested, view.transferCount);
  const body = campaignText(texts.messages, 'closing', view.language ?? view.contact.language, texts.defaultLanguage);
  const row = await one(em, CLOSE_ON_VIEW, [result, body, view.id, view.revision, view.contact.language, ...closingParams(body, actor, { result })]);
  return row ? { view: toInteractionView(row), said: row.said ? toMessageView(row.said) : null } : null;
}

async function answered(tx: Em, interactionId: string, afterSequence: number): Promise<boolean> {
  const found = await one(
    tx,
    `select 1 from interactions i where i.id = ?
        and (i.phase <> 'IN_SERVICE' or exists (select 1 from messages m where m.interaction_id = i.id and m.sequence > ? and m.author_kind = 'CONTACT'))`,
    [interactionId, afterSequence],
  );
  return found !== null;
}
