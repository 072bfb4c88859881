import { InteractionResult, Phase } from '../interactions/interaction.enums.js';
import type { InteractionFilter } from '../interactions/interaction.queries.js';
import type { InteractionView } from '../interactions/interaction.view.js';

/** Why a report request is refused, with the parameter at fault. */
export class ReportRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function listOf<T extends string>(raw: unknown, allowed: readonly T[], field: string): T[] | null {
  if (raw === undefined || raw === '') return null;
  const values = String(raw)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const wrong = values.find((v) => !(allowed as readonly string[]).includes(v));
  if (wrong) throw new ReportRefused(field, `${field} takes ${allowed.join(', ')}; "${wrong}" is none of them`);
  return values as T[];
}

function idOf(raw: unknown, field: string): string | null {
  if (raw === undefined || raw === '') return null;
  if (!UUID.test(String(raw))) throw new ReportRefused(field, `${field} is not an id`);
  return String(raw);
}

function dateOf(raw: unknown, field: string): Date | null {
  if (raw === undefined || raw === '') return null;
  const at = new Date(String(raw));
  if (Number.isNaN(at.getTime())) throw new ReportRefused(field, `${field} is a date such as 2026-11-21 or 2026-11-21T08:00:00Z`);
  return at;
}

/** The conversations report's filter from a URL's query: the same filter the `interactions` query takes. */
export function reportFilter(query: Record<string, unknown>): InteractionFilter {
  const filter: InteractionFilter = {
    campaignId: idOf(query.campaignId, 'campaignId'),
    agentId: idOf(query.agentId, 'agentId'),
    phases: listOf(query.phases, Object.values(Phase), 'phases'),
    results: listOf(query.results, Object.values(InteractionResult), 'results'),
    createdFrom: dateOf(query.createdFrom, 'createdFrom'),
    createdTo: dateOf(query.createdTo, 'createdTo'),
    search: query.search === undefined ? null : String(query.search),
  };
  if (filter.createdFrom && filter.createdTo && filter.createdFrom >= filter.createdTo) throw new ReportRefused('createdTo', 'createdTo comes after createdFrom');
  return filter;
}

export const REPORT_COLUMNS = [
  'protocol',
  'campaign',
  'channel',
  'contact',
  'email',
  'phone',
  'agent',
  'phase',
  'status',
  'result',
  'tags',
  'started',
  'queued',
  'assigned',
  'closed',
  'waitedSeconds',
] as const;

const secondsBetween = (from: string | null, to: string | null) => (from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : null);

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return before
 * one) gets a leading apostrophe, so it shows as the text it is: a contact who calls itself
 * =HYPERLINK("http://evil", "Refund") must not become a live link or a command in a supervisor's
 * Excel. OWASP's advice for CSV injection; the CSV quoting itself is left to the writer.
 */
export function neutralizedCell<T extends string | number | null>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One conversation as a report line, in REPORT_COLUMNS order; times in ISO 8601 (UTC); text safe to open in a spreadsheet. */
export function reportRow(v: InteractionView): (string | number | null)[] {
  return reportCells(v).map(neutralizedCell);
}

function reportCells(v: InteractionView): (string | number | null)[] {
  return [
    v.protocol,
    v.campaign.name,
    v.channel,
    v.contact.name,
    v.contact.email,
    v.contact.phone,
    v.agent?.name ?? null,
    v.phase,
    v.status,
    v.result,
    v.tags.join(' '),
    v.createdAt,
    v.waitingSince,
    v.firstAssignedAt,
    v.closedAt,
    secondsBetween(v.waitingSince, v.firstAssignedAt),
  ];
}
