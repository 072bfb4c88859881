import { allExist, type Em, isUniqueViolation, pgArray, rows } from '../../db/sql.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { LockMode } from '@mikro-orm/core';
import { TrayEntity } from '../trays/tray.entity.js';
import { TrayKind } from '../trays/tray.enums.js';
import { CampaignEntity } from './campaign.entity.js';
import { type CampaignMessages, type CampaignSchedule, Language, LANGUAGES, RoutingStrategy } from './campaign.enums.js';
import { protocolPrefixFor } from './campaign.rules.js';
import { peopleSql, reaches, type Scope } from '../auth/scope.rules.js';
import { groupForNewCampaign, mayManageGroups } from './security-group.rules.js';
import { requireGroup } from './security-group.service.js';
import { validateSchedule, validateThresholds, validateTimeZone } from './campaign.validation.js';
import { type Committed, committed, directoryChanged } from '../domain-events/domain-event.js';
import { DirectoryPart } from '../directory/directory.enums.js';

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
  securityGroupId?: string;
}

/** The settings that may be cleared: no schedule (always open), no waiting limit, no no-answer timeout. */
const CLEARABLE = new Set(['schedule', 'waitingLimit', 'noAnswerTimeoutSeconds']);

/** The rules every campaign setting follows, for a new campaign and for a change alike. */
function checkSettings(input: Partial<NewCampaign>): void {
  for (const [field, value] of Object.entries(input)) {
    if (value === null && !CLEARABLE.has(field)) throw badInput(`${field} cannot be empty`, field);
  }
  if (input.name !== undefined && !input.name.trim()) throw badInput('Enter a name', 'name');
  if (input.timeZone !== undefined) validateTimeZone(input.timeZone);
  if (input.schedule) validateSchedule(input.schedule);
  if (input.thresholdsSeconds !== undefined) validateThresholds(input.thresholdsSeconds);
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
}

/** Replaces the members the scope reaches; those it does not reach (and cannot see listed) stay. */
async function replaceMembers(tx: Em, scope: Scope, campaignId: string, memberIds: string[]): Promise<void> {
  if (!(await allExist(tx, 'users', memberIds))) throw badInput('Unknown member', 'memberIds');
  const inScope = peopleSql(scope, 'user_id');
  await rows(tx, `delete from campaign_members where campaign_id = ? and ${inScope.sql}`, [campaignId, ...inScope.params]);
  await rows(tx, 'insert into campaign_members (campaign_id, user_id) select ?, u from unnest(?::uuid[]) u', [campaignId, pgArray([...new Set(memberIds)])]);
}

const DEFAULT_THRESHOLDS = [300, 600, 900];

/**
 * Creates a campaign with its General and Closed trays, in the security group the scope allows: a
 * grouped administrator's own, else the one asked for or the default.
 */
export async function createCampaign(em: Em, input: NewCampaign, scope: Scope): Promise<Committed<CampaignEntity>> {
  checkSettings({ ...input, timeZone: input.timeZone ?? 'UTC', thresholdsSeconds: input.thresholdsSeconds ?? DEFAULT_THRESHOLDS });
  const group = groupForNewCampaign(scope, input.securityGroupId);
  if ('refused' in group)
    throw forbidden(scope.kind === 'LIMITED' && scope.securityGroupId === null ? 'A key limited to campaigns cannot create campaigns' : 'Only administrators without a security group can choose it');
  if (input.securityGroupId) await requireGroup(em, input.securityGroupId, 'securityGroupId');
  const name = input.name.trim();
  const timeZone = input.timeZone ?? 'UTC';
  const thresholds = input.thresholdsSeconds ?? DEFAULT_THRESHOLDS;
  try {
    const campaign = await em.transactional(async (tx) => {
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
        securityGroupId: group.groupId,
      });
      tx.create(TrayEntity, { name: 'General', kind: TrayKind.GENERAL, campaignId: campaign.id, ownerId: null });
      tx.create(TrayEntity, { name: 'Closed', kind: TrayKind.CLOSED, campaignId: campaign.id, ownerId: null });
      await tx.flush();
      if (input.memberIds?.length) await replaceMembers(tx, scope, campaign.id, input.memberIds);
      return campaign;
    });
    return committed(campaign, [directoryChanged(DirectoryPart.CAMPAIGN, campaign.id), directoryChanged(DirectoryPart.TRAY, campaign.id)]);
  } catch (err) {
    if (isUniqueViolation(err, 'campaigns_name_unique')) throw conflict('A campaign with that name already exists');
    throw err;
  }
}

export type CampaignChange = Partial<NewCampaign>;

/**
 * Changes the settings given and leaves the others; the messages given replace those of their
 * languages, the members given replace the members. A waiting chat keeps its place: the new rules
 * apply from the next decision (routing, admission, thresholds).
 */
export async function updateCampaign(em: Em, id: string, change: CampaignChange, scope: Scope): Promise<Committed<void>> {
  checkSettings(change);
  try {
    await em.transactional(async (tx) => {
      const campaign = await tx.findOne(CampaignEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Another group's campaign is answered as if it did not exist.
      if (!campaign || !reaches(scope, campaign.id)) throw notFound('Campaign');
      const { memberIds, messages, name, securityGroupId, ...settings } = change;
      if (securityGroupId !== undefined && securityGroupId !== campaign.securityGroupId) {
        if (!mayManageGroups(scope)) throw forbidden('Only administrators without a security group can move a campaign to another group');
        await requireGroup(tx, securityGroupId, 'securityGroupId');
        campaign.securityGroupId = securityGroupId;
      }
      for (const [key, value] of Object.entries(settings)) if (value !== undefined) (campaign as unknown as Record<string, unknown>)[key] = value;
      if (name !== undefined) campaign.name = name.trim();
      if (messages) campaign.messages = { ...campaign.messages, ...messages };
      await tx.flush();
      if (memberIds) await replaceMembers(tx, scope, id, memberIds);
    });
    return committed(undefined, [directoryChanged(DirectoryPart.CAMPAIGN, id)]);
  } catch (err) {
    if (isUniqueViolation(err, 'campaigns_name_unique')) throw conflict('A campaign with that name already exists');
    throw err;
  }
}
