import { type Em, one, rows, pgArray } from '../../db/sql.js';
import type { Viewer } from '../auth/viewer.js';
import { type CampaignMessages, type CampaignTexts, type Language, LANGUAGES } from './campaign.enums.js';
import type { Campaign, CampaignMessageSetShape } from './campaign.type.js';

const TEXT_KEYS: (keyof CampaignTexts)[] = ['welcome', 'outOfHours', 'unavailable', 'agentGreeting', 'offline', 'closing'];

export function toMessageSets(messages: CampaignMessages): CampaignMessageSetShape[] {
  return LANGUAGES.filter((l) => messages[l]).map((language) => {
    const set: CampaignMessageSetShape = { language };
    for (const key of TEXT_KEYS) set[key] = messages[language]?.[key] ?? null;
    return set;
  });
}

export function fromMessageSets(sets: CampaignMessageSetShape[]): CampaignMessages {
  const out: CampaignMessages = {};
  for (const set of sets) {
    const texts: Partial<CampaignTexts> = {};
    for (const key of TEXT_KEYS) if (set[key]) texts[key] = set[key]!;
    out[set.language as Language] = texts;
  }
  return out;
}

const toCampaign = (r: Record<string, any>): Campaign => ({
  id: r.id,
  name: r.name,
  routingStrategy: r.routing_strategy,
  serviceLevelSeconds: r.service_level_seconds,
  timeZone: r.time_zone,
  schedule: r.schedule,
  waitingLimit: r.waiting_limit,
  thresholdsSeconds: r.thresholds_seconds,
  noAnswerTimeoutSeconds: r.no_answer_timeout_seconds,
  skillsWideningSeconds: r.skills_widening_seconds,
  botFirst: r.bot_first,
  allowAudio: r.allow_audio,
  allowVideo: r.allow_video,
  allowOfflineMessages: r.allow_offline_messages,
  askName: r.ask_name,
  askEmail: r.ask_email,
  askPhone: r.ask_phone,
  defaultLanguage: r.default_language,
  messages: toMessageSets(r.messages),
});

export async function listCampaigns(em: Em, onlyIds: string[] | null): Promise<Campaign[]> {
  const found = onlyIds && onlyIds.length
    ? await rows(em, 'select * from campaigns where id = any(?::uuid[]) order by name', [pgArray(onlyIds)])
    : await rows(em, 'select * from campaigns order by name');
  return found.map(toCampaign);
}

export async function findCampaign(em: Em, id: string): Promise<Campaign | null> {
  const r = await one(em, 'select * from campaigns where id = ?', [id]);
  return r ? toCampaign(r) : null;
}

/** The campaigns a viewer may read: a visitor its own interaction's, a key its own list, staff all. */
export async function campaignsFor(em: Em, viewer: Viewer): Promise<Campaign[]> {
  switch (viewer.kind) {
    case 'ANONYMOUS':
      return [];
    case 'VISITOR': {
      const own = await one<{ campaign_id: string }>(em, 'select campaign_id from interactions where id = ?', [viewer.interactionId]);
      return own ? listCampaigns(em, [own.campaign_id]) : [];
    }
    case 'API_KEY':
      return listCampaigns(em, viewer.campaignIds.length ? viewer.campaignIds : null);
    case 'USER':
      return listCampaigns(em, null);
  }
}
