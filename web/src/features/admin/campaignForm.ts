import type { Language, RoutingStrategy } from '../../gql/graphql';
import { scheduleProblem, type ScheduleDraft, type ScheduleProblem } from './schedule';

export const LANGUAGES = ['es', 'en', 'pt'] as const satisfies readonly Language[];
export const ROUTING_STRATEGIES = ['LONGEST_IDLE', 'LEAST_BUSY', 'ROUND_ROBIN', 'SKILLS', 'MANUAL'] as const satisfies readonly RoutingStrategy[];
export const MESSAGE_KINDS = ['welcome', 'botWelcome', 'outOfHours', 'unavailable', 'agentGreeting', 'offline', 'closing'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const FLAGS = ['allowAudio', 'allowVideo', 'askName', 'askEmail', 'askPhone', 'allowOfflineMessages', 'botFirst'] as const;
export type Flag = (typeof FLAGS)[number];

export type MessageSet = Record<MessageKind, string>;

/** Everything the campaign editor edits, as plain values. */
export interface CampaignDraft extends Record<Flag, boolean> {
  name: string;
  routingStrategy: RoutingStrategy;
  serviceLevelSeconds: number | null;
  timeZone: string;
  /** Off: always open (the API's null schedule). */
  scheduled: boolean;
  schedule: ScheduleDraft;
  waitingLimit: number | null;
  thresholdsSeconds: [number | null, number | null, number | null];
  noAnswerTimeoutSeconds: number | null;
  defaultLanguage: Language;
  /** Null until a saved campaign's members are read: then nothing is sent, so none are lost. */
  memberIds: string[] | null;
  messages: Record<Language, MessageSet>;
  /** Null: not chosen, so not sent (a new campaign goes to the administrator's group, or the default). */
  securityGroupId: string | null;
}

/** The campaign as the API answers it (the fields the editor reads). */
export interface CampaignShape extends Record<Flag, boolean> {
  name: string;
  routingStrategy: RoutingStrategy;
  serviceLevelSeconds: number;
  timeZone: string;
  schedule?: ScheduleDraft | null;
  waitingLimit?: number | null;
  thresholdsSeconds: number[];
  noAnswerTimeoutSeconds?: number | null;
  defaultLanguage: Language;
  messages: ({ language: Language } & Partial<Record<MessageKind, string | null>>)[];
  securityGroup?: { id: string } | null;
}

/** Why the draft cannot be saved, as a key under `admin.errors`. */
export type CampaignProblem = 'nameRequired' | 'serviceLevel' | 'thresholds' | 'thresholdOrder' | 'positive' | ScheduleProblem;

const emptySet = (): MessageSet => ({ welcome: '', botWelcome: '', outOfHours: '', unavailable: '', agentGreeting: '', offline: '', closing: '' });

export function emptyCampaign(): CampaignDraft {
  return {
    name: '',
    routingStrategy: 'LONGEST_IDLE',
    serviceLevelSeconds: 20,
    timeZone: 'UTC',
    scheduled: false,
    schedule: { ranges: [], holidays: [] },
    waitingLimit: null,
    thresholdsSeconds: [300, 600, 900],
    noAnswerTimeoutSeconds: null,
    defaultLanguage: 'es',
    memberIds: [],
    messages: { es: emptySet(), en: emptySet(), pt: emptySet() },
    securityGroupId: null,
    allowAudio: false,
    allowVideo: false,
    askName: true,
    askEmail: false,
    askPhone: false,
    allowOfflineMessages: false,
    botFirst: false,
  };
}

/** The editor's draft of a saved campaign; its members are read apart (`campaignMembers`). */
export function draftOf(campaign: CampaignShape): CampaignDraft {
  const draft = emptyCampaign();
  for (const set of campaign.messages) {
    for (const kind of MESSAGE_KINDS) draft.messages[set.language][kind] = set[kind] ?? '';
  }
  const [a, b, c] = campaign.thresholdsSeconds;
  return {
    ...draft,
    ...Object.fromEntries(FLAGS.map((f) => [f, campaign[f]])),
    name: campaign.name,
    routingStrategy: campaign.routingStrategy,
    serviceLevelSeconds: campaign.serviceLevelSeconds,
    timeZone: campaign.timeZone,
    scheduled: !!campaign.schedule,
    schedule: campaign.schedule ? { ranges: campaign.schedule.ranges.map(({ day, from, to }) => ({ day, from, to })), holidays: [...campaign.schedule.holidays] } : draft.schedule,
    waitingLimit: campaign.waitingLimit ?? null,
    thresholdsSeconds: [a ?? null, b ?? null, c ?? null],
    noAnswerTimeoutSeconds: campaign.noAnswerTimeoutSeconds ?? null,
    defaultLanguage: campaign.defaultLanguage,
    memberIds: null,
    securityGroupId: campaign.securityGroup?.id ?? null,
  };
}

/** The first thing wrong with the draft; null when it can be sent. */
export function campaignProblem(draft: CampaignDraft): CampaignProblem | null {
  if (!draft.name.trim()) return 'nameRequired';
  if (draft.serviceLevelSeconds === null || draft.serviceLevelSeconds <= 0) return 'serviceLevel';
  const [a, b, c] = draft.thresholdsSeconds;
  if (a === null || b === null || c === null || a <= 0) return 'thresholds';
  if (!(a < b && b < c)) return 'thresholdOrder';
  if ((draft.waitingLimit !== null && draft.waitingLimit < 0) || (draft.noAnswerTimeoutSeconds !== null && draft.noAnswerTimeoutSeconds <= 0)) return 'positive';
  return draft.scheduled ? scheduleProblem(draft.schedule) : null;
}

/**
 * The draft as createCampaign / updateCampaign input. Blank texts are sent as null so the widget
 * falls back to its own words. The members are the picker's, loaded from the campaign when it opened.
 * A new campaign with nobody picked sends none.
 */
export function campaignInput(draft: CampaignDraft) {
  const trim = (s: string) => (s.trim() ? s.trim() : null);
  return {
    name: draft.name.trim(),
    routingStrategy: draft.routingStrategy,
    serviceLevelSeconds: draft.serviceLevelSeconds!,
    timeZone: draft.timeZone,
    schedule: draft.scheduled ? { ranges: draft.schedule.ranges, holidays: draft.schedule.holidays } : null,
    waitingLimit: draft.waitingLimit,
    thresholdsSeconds: draft.thresholdsSeconds as number[],
    noAnswerTimeoutSeconds: draft.noAnswerTimeoutSeconds,
    defaultLanguage: draft.defaultLanguage,
    ...Object.fromEntries(FLAGS.map((f) => [f, draft[f]])),
    ...(draft.memberIds ? { memberIds: draft.memberIds } : {}),
    // Only an administrator without a group may change it; the editor offers the choice to no one else.
    ...(draft.securityGroupId ? { securityGroupId: draft.securityGroupId } : {}),
    messages: LANGUAGES.map((language) => ({
      language,
      ...(Object.fromEntries(MESSAGE_KINDS.map((k) => [k, trim(draft.messages[language][k])])) as Record<MessageKind, string | null>),
    })),
  };
}
