import type { CampaignSchedule } from './campaign.enums.js';
import { isOpen } from './schedule.rules.js';

/** Whether a chat may join the human queue now, and if not, why. */
export enum Admission {
  OPEN = 'OPEN',
  /** Outside the campaign's schedule: the customer gets the out-of-hours message. */
  OUT_OF_HOURS = 'OUT_OF_HOURS',
  /** The waiting limit is reached: the customer gets the unavailable message. */
  FULL = 'FULL',
}

export interface AdmissionPolicy {
  schedule: CampaignSchedule | null;
  timeZone: string;
  waitingLimit: number | null;
}

/** Out of hours comes first: a closed service is closed however short its queue. */
export function admit(policy: AdmissionPolicy, waitingNow: number, at: Date): Admission {
  if (!isOpen(policy.schedule, policy.timeZone, at)) return Admission.OUT_OF_HOURS;
  if (policy.waitingLimit !== null && waitingNow >= policy.waitingLimit) return Admission.FULL;
  return Admission.OPEN;
}

/** The campaign text a refused customer reads. */
export const refusalText = (a: Admission.OUT_OF_HOURS | Admission.FULL) => (a === Admission.OUT_OF_HOURS ? 'outOfHours' : 'unavailable') as 'outOfHours' | 'unavailable';
