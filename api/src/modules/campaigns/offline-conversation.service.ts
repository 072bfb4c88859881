import { type Em, one, rows } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { changed, type Committed, committed, messagesPosted } from '../domain-events/domain-event.js';
import { ContactState } from '../contacts/contact.enums.js';
import { assignWithin } from '../interactions/assignment.service.js';
import { loadView, trailActor } from '../interactions/interaction.access.js';
import { Channel, Phase } from '../interactions/interaction.enums.js';
import { insertInteraction } from '../interactions/start.service.js';
import { customerWriting, appendMessage } from '../messages/message.service.js';
import { AuthorKind, Visibility } from '../messages/message.enums.js';
import { ANYWHERE, findOffline, markHandled, offlineChanged, requireUnhandled } from './offline-message.service.js';
import type { OfflineMessage } from './offline-message.type.js';
import { OfflineHandling } from './offline-message.rules.js';
import { transaction } from '../../db/transaction.js';

/**
 * Turns an offline message into a chat, as if the customer had written it in the widget: a new
 * contact with the details they left, a webchat interaction of the campaign whose first message is
 * theirs, held by the person who turned it (they mean to answer it now), or waiting in the
 * campaign's general tray when that person has no room or a key did it. Opening hours and the
 * waiting limit do not apply: someone chose to serve it. No greeting goes out: nobody is there yet
 * to read it, and the agent writes in its own words.
 */
export async function turnIntoConversation(ctx: Context, id: string): Promise<Committed<OfflineMessage>> {
  const { viewer } = ctx;
  const found = await requireUnhandled(ctx, id);
  const { interactionId, message } = await transaction(ctx.em, async (tx) => {
    await markHandled(tx, viewer, id, OfflineHandling.CONVERSATION, null);
    const campaign = (await one<{ id: string; protocol_prefix: string }>(tx, 'select id, protocol_prefix from campaigns where id = ?', [found.campaignId]))!;
    const tray = (await one<{ id: string }>(tx, "select id from trays where campaign_id = ? and kind = 'GENERAL'", [campaign.id]))!;
    const contactId = await insertContact(tx, found);
    const actor = trailActor(viewer);
    const interactionId = await insertInteraction(
      tx,
      { campaign, contactId, channel: Channel.WEBCHAT, phase: Phase.WAITING, trayId: tray.id, country: null, language: found.language, visitorTokenHash: null, startedByKeyId: null },
      actor,
    );
    const author = { kind: AuthorKind.CONTACT, id: contactId, name: null, key: `contact:${contactId}` };
    const appended = (await appendMessage(
      tx,
      interactionId,
      author,
      { body: found.body, clientMessageId: null, visibility: Visibility.PUBLIC, attachmentIds: [] },
      customerWriting(contactId, ctx.deps.config.CONTACT_EXPIRY_SECONDS),
    ))!;
    if (viewer.kind === 'USER') await assignWithin(tx, interactionId, viewer.userId, actor, null, tray.id);
    await rows(tx, 'update offline_messages set interaction_id = ? where id = ?', [interactionId, id]);
    return { interactionId, message: appended.message };
  });
  const view = (await loadView(ctx.em, interactionId))!;
  const events = [...messagesPosted([message]), ...changed(view, null), { kind: 'CONTACT_WROTE' as const, contactId: view.contact.id }, offlineChanged(found.campaignId)];
  return committed((await findOffline(ctx.em, id, ANYWHERE))!, events);
}

async function insertContact(tx: Em, from: OfflineMessage): Promise<string> {
  const row = await one<{ id: string }>(
    tx,
    'insert into contacts (id, name, email, phone, language, state, state_changed_at, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, now(), now()) returning id',
    [from.name, from.email, from.phone, from.language, ContactState.TRAY],
  );
  return row!.id;
}
