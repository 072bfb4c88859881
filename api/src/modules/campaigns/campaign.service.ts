import { allExist, type Em, isUniqueViolation, pgArray, rows } from '../../db/sql.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { TrayKind } from '../trays/tray.enums.js';
import { type CampaignMessages, type CampaignSchedule, Language, LANGUAGES, RoutingStrategy } from './campaign.enums.js';
import { protocolPrefixFor } from './campaign.rules.js';
import { peopleSql, reaches, type Scope } from '../auth/scope.rules.js';
import { groupForNewCampaign, mayManageGroups } from './security-group.rules.js';
import { requireGroup } from './security-group.service.js';
import { validateSchedule, validateThresholds, validateTimeZone } from './campaign.validation.js';
import { type Committed, committed, directoryChanged } from '../domain-events/domain-event.js';
import { DirectoryPart } from '../directory/directory.enums.js';
import { transaction } from '../../db/transaction.js';

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

/** The settings kept one to a column, named as the column is in snake case. */
type Settings = Omit<NewCampaign, 'name' | 'messages' | 'memberIds' | 'securityGroupId'>;

/** Settings kept as JSON; the rest are plain values PostgreSQL types from their columns. */
const JSON_SETTINGS: ReadonlySet<string> = new Set(['schedule', 'thresholdsSeconds']);

/** The columns, value expressions and parameters of the settings given (undefined ones left out). */
function settingColumns(settings: Settings) {
  const names: string[] = [];
  const values: string[] = [];
  const params: unknown[] = [];
  const set = (column: string, value: string, param: unknown) => {
    names.push(column);
    values.push(value);
    params.push(param);
  };
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    const column = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (JSON_SETTINGS.has(key)) set(column, '?::jsonb', value === null ? null : JSON.stringify(value));
    else set(column, '?', value);
  }
  return { names, values, params, set };
}

/**
 * Creates a campaign with its General and Closed trays, in the security group the scope allows: a
 * grouped administrator's own, else the one asked for or the default.
 */
export async function createCampaign(em: Em, input: NewCampaign, scope: Scope): Promise<Committed<{ id: string }>> {
  checkSettings({ ...input, timeZone: input.timeZone ?? 'UTC', thresholdsSeconds: input.thresholdsSeconds ?? DEFAULT_THRESHOLDS });
  const group = groupForNewCampaign(scope, input.securityGroupId);
  if ('refused' in group)
    throw forbidden(scope.kind === 'LIMITED' && scope.securityGroupId === null ? 'A key limited to campaigns cannot create campaigns' : 'Only administrators without a security group can choose it');
  if (input.securityGroupId) await requireGroup(em, input.securityGroupId, 'securityGroupId');
  const name = input.name.trim();
  const timeZone = input.timeZone ?? 'UTC';
  const thresholds = input.thresholdsSeconds ?? DEFAULT_THRESHOLDS;
  const settings: Settings = {
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
  };
  const columns = settingColumns(settings);
  try {
    const campaign = await transaction(em, async (tx) => {
      const [made] = await rows<{ id: string }>(
        tx,
        `insert into campaigns (id, name, messages, protocol_prefix, security_group_id, created_at, ${columns.names.join(', ')})
         values (gen_random_uuid(), ?, ?::jsonb, ?, ?, now(), ${columns.values.join(', ')}) returning id`,
        [name, JSON.stringify(input.messages ?? {}), protocolPrefixFor(name), group.groupId, ...columns.params],
      );
      await rows(
        tx,
        `insert into trays (id, name, kind, campaign_id, owner_id, created_at) values (gen_random_uuid(), 'General', ?, ?, null, now()), (gen_random_uuid(), 'Closed', ?, ?, null, now())`,
        [TrayKind.GENERAL, made!.id, TrayKind.CLOSED, made!.id],
      );
      if (input.memberIds?.length) await replaceMembers(tx, scope, made!.id, input.memberIds);
      return made!;
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
    await transaction(em, async (tx) => {
      const [campaign] = await rows<{ security_group_id: string }>(tx, 'select security_group_id from campaigns where id = ? for update', [id]);
      // Another group's campaign is answered as if it did not exist.
      if (!campaign || !reaches(scope, id)) throw notFound('Campaign');
      const { memberIds, messages, name, securityGroupId, ...settings } = change;
      const columns = settingColumns(settings);
      if (securityGroupId !== undefined && securityGroupId !== campaign.security_group_id) {
        if (!mayManageGroups(scope)) throw forbidden('Only administrators without a security group can move a campaign to another group');
        await requireGroup(tx, securityGroupId, 'securityGroupId');
        columns.set('security_group_id', '?', securityGroupId);
      }
      if (name !== undefined) columns.set('name', '?', name.trim());
      // The messages given replace those of their languages; the others stay.
      if (messages) columns.set('messages', 'messages || ?::jsonb', JSON.stringify(messages));
      if (columns.names.length) await rows(tx, `update campaigns set ${columns.names.map((c, i) => `${c} = ${columns.values[i]}`).join(', ')} where id = ?`, [...columns.params, id]);
      if (memberIds) await replaceMembers(tx, scope, id, memberIds);
    });
    return committed(undefined, [directoryChanged(DirectoryPart.CAMPAIGN, id)]);
  } catch (err) {
    if (isUniqueViolation(err, 'campaigns_name_unique')) throw conflict('A campaign with that name already exists');
    throw err;
  }
}
