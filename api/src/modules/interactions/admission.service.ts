import { SYSTEM_ACTOR } from './interaction.events.js';
import { type Em, one } from '../../db/sql.js';
import type { CampaignMessages, CampaignSchedule, Language } from '../campaigns/campaign.enums.js';
import { Admission, admit, refusalText } from '../campaigns/admission.rules.js';
import type { MessageView } from '../messages/message.view.js';
import { InteractionResult } from './interaction.enums.js';
import { closeWithin } from './close.service.js';

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

/**
 * Whether a chat may wait for a human now. Counting under a per-campaign lock keeps concurrent
 * arrivals from all squeezing past the waiting limit.
 */
export async function admissionWithin(tx: Em, campaign: CampaignRow): Promise<Admission> {
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`parley:admit:${campaign.id}`]);
  const waiting = await one<{ n: number }>(tx, "select count(*)::int as n from interactions where campaign_id = ? and phase = 'WAITING'", [campaign.id]);
  return admit({ schedule: campaign.schedule, timeZone: campaign.time_zone, waitingLimit: campaign.waiting_limit }, waiting!.n, new Date());
}

/** A refused chat gets the campaign's out-of-hours or unavailable text and closes NOBODY_AVAILABLE at once. */
export async function refuseWithin(tx: Em, interactionId: string, admission: Admission.OUT_OF_HOURS | Admission.FULL): Promise<MessageView[]> {
  const text = await closeWithin(tx, SYSTEM_ACTOR, interactionId, InteractionResult.NOBODY_AVAILABLE, refusalText(admission), { admission });
  return text ? [text] : [];
}
