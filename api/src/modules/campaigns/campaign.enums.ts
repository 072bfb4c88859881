export enum RoutingStrategy {
  MANUAL = 'MANUAL',
  ROUND_ROBIN = 'ROUND_ROBIN',
  LEAST_BUSY = 'LEAST_BUSY',
  LONGEST_IDLE = 'LONGEST_IDLE',
  SKILLS = 'SKILLS',
}

export enum Language {
  es = 'es',
  en = 'en',
  pt = 'pt',
}

export const LANGUAGES: readonly Language[] = [Language.es, Language.en, Language.pt];

/** The texts a campaign sends to its customers, one set per language. */
export interface CampaignTexts {
  /** Posted when a chat starts waiting for an agent. */
  welcome: string;
  /** Posted instead when a chat starts with a bot: no agent is promised yet. */
  botWelcome: string;
  outOfHours: string;
  unavailable: string;
  agentGreeting: string;
  offline: string;
  closing: string;
}

export type CampaignMessages = Partial<Record<Language, Partial<CampaignTexts>>>;

export interface WeeklyRange {
  /** 0 = Sunday .. 6 = Saturday, in the campaign's time zone. */
  day: number;
  /** "HH:mm", inclusive. */
  from: string;
  /** "HH:mm", exclusive. */
  to: string;
}

export interface CampaignSchedule {
  ranges: WeeklyRange[];
  /** ISO dates (YYYY-MM-DD) in the campaign's time zone. */
  holidays: string[];
}
