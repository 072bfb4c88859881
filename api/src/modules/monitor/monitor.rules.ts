import type { ContactState } from '../contacts/contact.enums.js';
import type { Channel, Phase } from '../interactions/interaction.enums.js';
import { isPublicToStaff } from '../interactions/visibility.rules.js';
import type { TrayKind } from '../trays/tray.enums.js';

/** What a supervisor narrows the dashboard to; empty lists mean "all". */
export interface MonitorFilter {
  campaignIds: string[];
  agentIds: string[];
  teamIds: string[];
  channels: Channel[];
  /** Part of the contact's name, e-mail or phone number. */
  contact: string | null;
  protocol: string | null;
  /**
   * The supervisor's scope, as plain lists (the filter is a cache key): the campaigns whose chats it
   * reaches, and the group whose agents it reaches (none: the members of those campaigns). Absent or
   * null: everything.
   */
  within?: { campaignIds: string[]; securityGroupId: string | null } | null;
  /** A key that does not supervise: the visibility table gives it the chats everyone may see, here too. */
  publicOnly?: boolean;
}

/** What the scope needs to know of an agent row. */
export interface ScopedAgent {
  securityGroupId: string | null;
  campaignIds: readonly string[];
}

export interface FilterableChat {
  campaignId: string;
  agentId: string | null;
  channel: Channel;
  phase: Phase;
  protocol: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactState: ContactState;
  trayKind: TrayKind | null;
}

const digits = (s: string) => s.replace(/\D/g, '');

/** Whether a chat passes the dashboard's filters; `agentTeams` gives the teams of the chat's agent. */
export function chatMatches(f: MonitorFilter, chat: FilterableChat, agentTeams: readonly string[]): boolean {
  if (f.within && !f.within.campaignIds.includes(chat.campaignId)) return false;
  if (f.publicOnly && !isPublicToStaff(chat)) return false;
  if (f.campaignIds.length && !f.campaignIds.includes(chat.campaignId)) return false;
  if (f.channels.length && !f.channels.includes(chat.channel)) return false;
  if (f.agentIds.length && (!chat.agentId || !f.agentIds.includes(chat.agentId))) return false;
  if (f.teamIds.length && !agentTeams.some((t) => f.teamIds.includes(t))) return false;
  if (f.protocol && !chat.protocol.toUpperCase().includes(f.protocol.trim().toUpperCase())) return false;
  if (f.contact) {
    const needle = f.contact.trim().toLowerCase();
    const number = digits(needle);
    const inText = [chat.contactName, chat.contactEmail].some((v) => v?.toLowerCase().includes(needle));
    const inPhone = number.length >= 3 && !!chat.contactPhone && digits(chat.contactPhone).includes(number);
    if (!inText && !inPhone) return false;
  }
  return true;
}

/** An agent row shows when it is within the scope and no agent or team filter excludes it. */
export function agentMatches(f: MonitorFilter, agentId: string, teams: readonly string[], agent?: ScopedAgent): boolean {
  if (!agentInScope(f, agent)) return false;
  if (f.agentIds.length && !f.agentIds.includes(agentId)) return false;
  if (f.teamIds.length && !teams.some((t) => f.teamIds.includes(t))) return false;
  return true;
}

/** Whether the supervisor's scope reaches an agent: its group's people, or a key's campaigns' members. */
export function agentInScope(f: MonitorFilter, agent: ScopedAgent | undefined): boolean {
  const within = f.within;
  if (!within) return true;
  if (!agent) return false;
  if (within.securityGroupId !== null) return agent.securityGroupId === within.securityGroupId;
  return agent.campaignIds.some((id) => within.campaignIds.includes(id));
}

/** Whether a campaign's figures show: within the scope and the filter. */
export function campaignMatches(f: MonitorFilter, campaignId: string): boolean {
  if (f.within && !f.within.campaignIds.includes(campaignId)) return false;
  return !f.campaignIds.length || f.campaignIds.includes(campaignId);
}
