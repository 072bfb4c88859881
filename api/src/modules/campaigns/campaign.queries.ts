import { type Em, one, rows, pgArray, type Row } from '../../db/sql.js';
import { scopeOf, type Viewer } from '../auth/viewer.js';
import { type CampaignMessages, type CampaignTexts, type Language, LANGUAGES } from './campaign.enums.js';
import type { Campaign, CampaignMessageSetShape } from './campaign.type.js';
import { ALL, campaignSql, type Scope } from '../auth/scope.rules.js';

const TEXT_KEYS: (keyof CampaignTexts)[] = ['welcome', 'botWelcome', 'outOfHours', 'unavailable', 'agentGreeting', 'offline', 'closing'];

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

const toCampaign = (r: Row): Campaign => ({
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
  securityGroup: r.security_group,
});

const CAMPAIGN_SQL = `select c.*, json_build_object('id', g.id, 'name', g.name) as security_group
                        from campaigns c join security_groups g on g.id = c.security_group_id`;

/** Campaigns by name: those of `onlyIds` (all when null or empty) within the scope. */
export async function listCampaigns(em: Em, onlyIds: string[] | null, scope: Scope): Promise<Campaign[]> {
  const inScope = campaignSql(scope, 'c.id');
  const found =
    onlyIds && onlyIds.length
      ? await rows(em, `${CAMPAIGN_SQL} where c.id = any(?::uuid[]) and ${inScope.sql} order by c.name`, [pgArray(onlyIds), ...inScope.params])
      : await rows(em, `${CAMPAIGN_SQL} where ${inScope.sql} order by c.name`, inScope.params);
  return found.map(toCampaign);
}

/** A campaign, or null when there is none or it lies outside the scope. */
export async function findCampaign(em: Em, id: string, scope: Scope): Promise<Campaign | null> {
  const inScope = campaignSql(scope, 'c.id');
  const r = await one(em, `${CAMPAIGN_SQL} where c.id = ? and ${inScope.sql}`, [id, ...inScope.params]);
  return r ? toCampaign(r) : null;
}

/** The campaigns a viewer may read: a visitor its own interaction's, staff and keys those of their scope. */
export async function campaignsFor(em: Em, viewer: Viewer): Promise<Campaign[]> {
  switch (viewer.kind) {
    case 'ANONYMOUS':
      return [];
    case 'VISITOR': {
      const own = await one<{ campaign_id: string }>(em, 'select campaign_id from interactions where id = ?', [viewer.interactionId]);
      // A visitor's scope is its one chat, whichever campaign that is.
      return own ? (await listCampaigns(em, [own.campaign_id], ALL)).map(withoutGroup) : [];
    }
    case 'API_KEY':
    case 'USER':
      return listCampaigns(em, null, scopeOf(viewer));
  }
}

/** The campaign as this viewer may read it: the widget (anonymous, visitors) is not told internal group names. */
export function campaignFor(viewer: Viewer, campaign: Campaign): Campaign {
  return viewer.kind === 'ANONYMOUS' || viewer.kind === 'VISITOR' ? withoutGroup(campaign) : campaign;
}

const withoutGroup = (campaign: Campaign): Campaign => ({ ...campaign, securityGroup: null });
