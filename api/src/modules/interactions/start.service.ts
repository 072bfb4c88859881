import { type Em, one, rows } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { isEmail } from '../users/user.rules.js';
import { badInput, conflict, forbidden } from '../../shared/errors.js';
import { scopeOf } from '../auth/viewer.js';
import { hashToken, newToken, TokenKind, tokenKind } from '../auth/tokens.js';
import { Admission } from '../campaigns/admission.rules.js';
import { formatProtocol, normalizeLanguage } from '../campaigns/campaign.rules.js';
import { ContactState } from '../contacts/contact.enums.js';
import { Channel, InteractionEventType, Phase } from './interaction.enums.js';
import { recordEvent, type TrailActor } from './interaction.events.js';
import { changed, type Committed, committed, messagesPosted } from '../domain-events/domain-event.js';
import { keyMayStart, startingPhase } from './interaction.rules.js';
import { type InteractionView } from './interaction.view.js';
import { enforce, loadView, trailActor } from './interaction.access.js';
import { findContactByExternalId } from '../contacts/contact.service.js';
import { systemText } from './system-messages.js';
import { admissionWithin, offlineMessagesTaken, refuseWithin, requireCampaignToStart } from './admission.service.js';
import { transaction } from '../../db/transaction.js';

export interface StartInput {
  campaignId: string;
  channel: Channel;
  contact: { name?: string | null; email?: string | null; phone?: string | null; externalId?: string | null };
  language?: string | null;
  country?: string | null;
  returningVisitorToken?: string | null;
  withBot?: boolean | null;
  customerToken?: boolean | null;
}

function cleanContact(input: StartInput['contact']) {
  const trim = (v: string | null | undefined, max: number, field: string) => {
    const t = v?.trim() || null;
    if (t && t.length > max) throw badInput(`${field} is too long`, `contact.${field}`);
    return t;
  };
  const email = trim(input.email, 254, 'email');
  if (email && !isEmail(email)) throw badInput('Enter a valid e-mail address', 'contact.email');
  const phone = trim(input.phone, 32, 'phone');
  if (phone && !/^\+?[0-9 ()-]{3,}$/.test(phone)) throw badInput('Enter a valid phone number', 'contact.phone');
  return { name: trim(input.name, 200, 'name'), email, phone, externalId: trim(input.externalId, 200, 'externalId') };
}

/** Starts an interaction; an anonymous caller (the widget), or a key that asks, gets the customer's token for it. */
export interface Started {
  view: InteractionView;
  visitorToken: string | null;
  admission: Admission;
  offlineMessagesAllowed: boolean;
}

export async function startInteraction(ctx: Context, input: StartInput): Promise<Committed<Started>> {
  const { viewer, em } = ctx;
  if (viewer.kind === 'VISITOR') throw forbidden('A visitor token cannot start another interaction');
  const asKey = viewer.kind === 'API_KEY' ? enforce(keyMayStart(viewer.scopes, input.channel)) : null;
  const anonymous = viewer.kind === 'ANONYMOUS';
  if (anonymous && input.channel !== Channel.WEBCHAT) throw forbidden('Only the webchat channel can be started without a key');
  // The customer does not choose to skip the bot, nor ask for a second token.
  if (!asKey && input.withBot != null) throw forbidden('Only a key chooses whether a chat starts with a bot');
  if (!asKey && input.customerToken) throw forbidden('Only a key asks for a customer token');
  const contact = cleanContact(input.contact);
  const language = input.language ? normalizeLanguage(input.language) : null;
  if (input.language && !language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.language)) throw badInput('Language is a tag like "es" or "pt-BR"', 'language');
  const campaign = await requireCampaignToStart(em, viewer, input.campaignId);

  const phase = startingPhase(asKey?.asBot ?? false, campaign.bot_first, input.withBot ?? null);
  // A chat put with a bot where no bot serves would wait for nobody: its starter may not close it either.
  if (input.withBot && !asKey?.asBot && !(await botServes(em, campaign.id))) throw conflict('No bot key serves this campaign; start the chat without withBot');
  const visitorToken = anonymous || input.customerToken ? newToken(TokenKind.VISITOR) : null;
  const rawLanguage = input.language?.trim() || null;

  const { id, messages, admission } = await transaction(em, async (tx) => {
    const admission = phase === Phase.WAITING ? await admissionWithin(tx, campaign) : Admission.OPEN;
    // Only a trusted caller may attach the chat to a known contact by its external id, and only to one
    // within its scope; the widget only to the contact of its own earlier conversation, proven by that
    // conversation's token.
    let contactId: string | null = null;
    if (!anonymous && contact.externalId) {
      contactId = await findContactByExternalId(tx, contact.externalId, scopeOf(viewer));
    } else if (anonymous && input.returningVisitorToken) {
      contactId = await returningContact(tx, input.returningVisitorToken);
    }
    const contactState = phase === Phase.BOT ? ContactState.BOT : ContactState.TRAY;
    if (contactId) {
      await rows(
        tx,
        `update contacts set previous_state = state, state = ?, state_changed_at = now(),
                name = coalesce(?, name), email = coalesce(?, email), phone = coalesce(?, phone), language = coalesce(?, language)
          where id = ?`,
        [contactState, contact.name, contact.email, contact.phone, rawLanguage, contactId],
      );
    } else {
      contactId = (await one<{ id: string }>(
        tx,
        `insert into contacts (id, name, email, phone, external_id, country, language, state, state_changed_at, created_at)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, now(), now()) returning id`,
        [contact.name, contact.email, contact.phone, contact.externalId, input.country ?? null, rawLanguage, contactState],
      ))!.id;
    }
    const tray = phase === Phase.WAITING ? await one<{ id: string }>(tx, "select id from trays where campaign_id = ? and kind = 'GENERAL'", [campaign.id]) : null;
    const created = await insertInteraction(
      tx,
      {
        campaign,
        contactId,
        channel: input.channel,
        phase,
        trayId: tray?.id ?? null,
        country: input.country ?? null,
        language: rawLanguage,
        visitorTokenHash: visitorToken ? hashToken(visitorToken) : null,
        startedByKeyId: viewer.kind === 'API_KEY' ? viewer.keyId : null,
      },
      trailActor(viewer),
    );
    if (admission !== Admission.OPEN) return { id: created, messages: await refuseWithin(tx, created, admission), admission };
    // A bot's chat is not promised an agent: it gets the bot's welcome, or nothing and the bot speaks first.
    const welcome = await systemText(tx, created, phase === Phase.BOT ? 'botWelcome' : 'welcome');
    return { id: created, messages: welcome ? [welcome] : [], admission };
  });
  const view = (await loadView(em, id))!;
  const events = [...messagesPosted(messages), ...changed(view, null), { kind: 'CONTACT_WROTE' as const, contactId: view.contact.id }];
  return committed({ view, visitorToken, admission, offlineMessagesAllowed: offlineMessagesTaken(admission, campaign) }, events);
}

/** Whether a BOT key that is not revoked reaches the campaign. */
async function botServes(em: Em, campaignId: string): Promise<boolean> {
  const found = await one(em, "select 1 from api_keys where revoked_at is null and 'BOT' = any(scopes) and (cardinality(campaign_ids) = 0 or ?::text = any(campaign_ids::text[])) limit 1", [
    campaignId,
  ]);
  return found !== null;
}

/**
 * The contact of a widget's earlier conversation, if the token is one; anything else starts a new
 * contact. A customer's token a key asked for (`customerToken`) names a contact the key may have found
 * by its external id: it reaches its own chat, never that contact's other campaigns.
 */
async function returningContact(tx: Em, token: string): Promise<string | null> {
  if (tokenKind(token) !== TokenKind.VISITOR) return null;
  const earlier = await one<{ contact_id: string }>(tx, 'select contact_id from interactions where visitor_token_hash = ? and started_by_key_id is null', [hashToken(token)]);
  return earlier?.contact_id ?? null;
}

export interface NewInteraction {
  campaign: { id: string; protocol_prefix: string };
  contactId: string;
  channel: Channel;
  phase: Phase;
  trayId: string | null;
  country: string | null;
  language: string | null;
  visitorTokenHash: string | null;
  startedByKeyId: string | null;
}

/** Writes a new chat's row with its protocol and its STARTED event: every way of starting a chat shares it. */
export async function insertInteraction(tx: Em, chat: NewInteraction, actor: TrailActor): Promise<string> {
  const counter = (await one<{ n: string }>(tx, "select nextval('interaction_protocol_seq') as n"))!.n;
  const created = (await one<{ id: string }>(
    tx,
    // created_at is kept to the millisecond because it is the page cursor, and cursors travel as ISO strings.
    `insert into interactions (id, protocol, campaign_id, contact_id, channel, phase, status, tray_id, bot_answers, notes, expertise,
                               country, language, last_sequence, visitor_token_hash, started_by_key_id, created_at, queued_at, waiting_since, updated_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, '[]', '[]', '{}', ?, ?, 0, ?, ?, date_trunc('milliseconds', clock_timestamp()), ?, ?, now()) returning id`,
    [
      formatProtocol(chat.campaign.protocol_prefix, new Date(), Number(counter)),
      chat.campaign.id,
      chat.contactId,
      chat.channel,
      chat.phase,
      chat.trayId,
      chat.country,
      chat.language,
      chat.visitorTokenHash,
      chat.startedByKeyId,
      // A chat that starts in a tray starts the customer's wait there too.
      ...Array<Date | null>(2).fill(chat.phase === Phase.WAITING ? new Date() : null),
    ],
  ))!.id;
  await recordEvent(tx, created, InteractionEventType.STARTED, actor, { channel: chat.channel, phase: chat.phase });
  return created;
}
