import { allExist, type Em, isUniqueViolation, pgArray, rows } from '../../db/sql.js';
import { badInput, conflict } from '../../shared/errors.js';
import { TrayEntity } from '../trays/tray.entity.js';
import { TrayKind } from '../trays/tray.enums.js';
import { CampaignEntity } from './campaign.entity.js';
import { type CampaignMessages, type CampaignSchedule, Language, LANGUAGES, RoutingStrategy } from './campaign.enums.js';
import { protocolPrefixFor } from './campaign.rules.js';
import { validateSchedule, validateThresholds, validateTimeZone } from './campaign.validation.js';

export interface NewCampaign {
  name: string;
  routingStrategy?: RoutingStrategy;
  serviceLevelSeconds?: number;
  timeZone?: string;
  schedule?: CampaignSchedule | null;
  waitingLimit?: number | null;
  thresholdsSeconds?: number[];
  noAnswerTimeoutSeconds?: number | null;
  skillsWideningSeconds?: number;
  botFirst?: boolean;
  allowAudio?: boolean;
  allowVideo?: boolean;
  allowOfflineMessages?: boolean;
  askName?: boolean;
  askEmail?: boolean;
  askPhone?: boolean;
  defaultLanguage?: Language;
  messages?: CampaignMessages;
  memberIds?: string[];
}

/** Creates a campaign with its General and Closed trays. */
export async function createCampaign(em: Em, input: NewCampaign): Promise<CampaignEntity> {
  const name = input.name.trim();
  if (!name) throw badInput('Enter a name', 'name');
  const timeZone = input.timeZone ?? 'UTC';
  validateTimeZone(timeZone);
  if (input.schedule) validateSchedule(input.schedule);
  const thresholds = input.thresholdsSeconds ?? [300, 600, 900];
  validateThresholds(thresholds);
  for (const [field, value] of [
    ['serviceLevelSeconds', input.serviceLevelSeconds],
    ['waitingLimit', input.waitingLimit],
    ['noAnswerTimeoutSeconds', input.noAnswerTimeoutSeconds],
    ['skillsWideningSeconds', input.skillsWideningSeconds],
  ] as const) {
    if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 0)) throw badInput(`${field} must be a whole number, 0 or more`, field);
  }
  for (const lang of Object.keys(input.messages ?? {})) {
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw badInput('Messages are in es, en or pt', 'messages');
  }
  try {
    return await em.transactional(async (tx) => {
      const campaign = tx.create(CampaignEntity, {
        name,
        routingStrategy: input.routingStrategy ?? RoutingStrategy.MANUAL,
        serviceLevelSeconds: input.serviceLevelSeconds ?? 30,
        timeZone,
        schedule: input.schedule ?? null,
        waitingLimit: input.waitingLimit ?? null,
        thresholdsSeconds: thresholds,
        noAnswerTimeoutSeconds: input.noAnswerTimeoutSeconds ?? null,
        skillsWideningSeconds: input.skillsWideningSeconds ?? 60,
        botFirst: input.botFirst ?? false,
        allowAudio: input.allowAudio ?? false,
        allowVideo: input.allowVideo ?? false,
        allowOfflineMessages: input.allowOfflineMessages ?? true,
        askName: input.askName ?? true,
        askEmail: input.askEmail ?? true,
        askPhone: input.askPhone ?? false,
        defaultLanguage: input.defaultLanguage ?? Language.en,
        messages: input.messages ?? {},
        protocolPrefix: protocolPrefixFor(name),
      });
      tx.create(TrayEntity, { name: 'General', kind: TrayKind.GENERAL, campaignId: campaign.id, ownerId: null });
      tx.create(TrayEntity, { name: 'Closed', kind: TrayKind.CLOSED, campaignId: campaign.id, ownerId: null });
      await tx.flush();
      if (input.memberIds?.length) {
        if (!(await allExist(tx, 'users', input.memberIds))) throw badInput('Unknown member', 'memberIds');
        await rows(tx, 'insert into campaign_members (campaign_id, user_id) select ?, u from unnest(?::uuid[]) u', [campaign.id, pgArray([...new Set(input.memberIds)])]);
      }
      return campaign;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'campaigns_name_unique')) throw conflict('A campaign with that name already exists');
    throw err;
  }
}
