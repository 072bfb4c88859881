import { SYSTEM_ACTOR } from './interaction.events.js';
import { type Em, one } from '../../db/sql.js';
import { canUseCampaign, type Viewer } from '../auth/viewer.js';
import { notFound } from '../../shared/errors.js';
import type { CampaignMessages, CampaignSchedule, Language } from '../campaigns/campaign.enums.js';
import { Admission, admit, refusalText } from '../campaigns/admission.rules.js';
import type { MessageView } from '../messages/message.view.js';
import { InteractionResult, Phase } from './interaction.enums.js';
import { closeWithin } from './close.service.js';
import { startingPhase } from './interaction.rules.js';

export interface CampaignRow {
  id: string;
  bot_first: boolean;
  protocol_prefix: string;
  default_language: Language;
  messages: CampaignMessages;
  schedule: CampaignSchedule | null;
  time_zone: string;
  waiting_limit: number | null;
  allow_offline_messages: boolean;
}

/** The campaign a chat is started on, or NOT_FOUND when there is none or the caller may not use it. */
export async function requireCampaignToStart(em: Em, viewer: Viewer, campaignId: string): Promise<CampaignRow> {
  const campaign = await one<CampaignRow>(
    em,
    'select id, bot_first, protocol_prefix, default_language, messages, schedule, time_zone, waiting_limit, allow_offline_messages from campaigns where id = ?',
    [campaignId],
  );
  if (!campaign || !canUseCampaign(viewer, campaign.id)) throw notFound('Campaign');
  return campaign;
}

/** Whether a chat that waits for a human may do so now, given how many already wait. */
async function admissionOf(em: Em, campaign: CampaignRow): Promise<Admission> {
  const waiting = await one<{ n: number }>(em, "select count(*)::int as n from interactions where campaign_id = ? and phase = 'WAITING'", [campaign.id]);
  return admit({ schedule: campaign.schedule, timeZone: campaign.time_zone, waitingLimit: campaign.waiting_limit }, waiting!.n, new Date());
}

/**
 * Whether a chat may wait for a human now. Counting under a per-campaign lock keeps concurrent
 * arrivals from all squeezing past the waiting limit.
 */
export async function admissionWithin(tx: Em, campaign: CampaignRow): Promise<Admission> {
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`parley:admit:${campaign.id}`]);
  return admissionOf(tx, campaign);
}

/** Out of hours, a campaign that takes offline messages offers the form instead of the chat. */
export const offlineMessagesTaken = (admission: Admission, campaign: CampaignRow): boolean => admission === Admission.OUT_OF_HOURS && campaign.allow_offline_messages;

/**
 * What the widget's chat would be told if it started now, so the widget says no before it asks for
 * anything. Read without the lock: only an estimate, the start decides again under it. A campaign
 * whose chats start with its bot lets every chat in, as the start does.
 */
export async function availabilityNow(em: Em, campaign: CampaignRow): Promise<{ admission: Admission; offlineMessagesAllowed: boolean }> {
  const admission = startingPhase(false, campaign.bot_first) === Phase.WAITING ? await admissionOf(em, campaign) : Admission.OPEN;
  return { admission, offlineMessagesAllowed: offlineMessagesTaken(admission, campaign) };
}

/** A refused chat gets the campaign's out-of-hours or unavailable text and closes NOBODY_AVAILABLE at once. */
export async function refuseWithin(tx: Em, interactionId: string, admission: Admission.OUT_OF_HOURS | Admission.FULL): Promise<MessageView[]> {
  const text = await closeWithin(tx, SYSTEM_ACTOR, interactionId, InteractionResult.NOBODY_AVAILABLE, refusalText(admission), { admission });
  return text ? [text] : [];
}
