import type { InteractionResult } from '../../gql/graphql';

export const RESULTS = ['SUCCESS', 'ESCALATED', 'NO_ANSWER', 'NOBODY_AVAILABLE'] as const satisfies readonly InteractionResult[];

/** The conversations report's filter as the screen holds it; dates are YYYY-MM-DD (whole days). */
export interface ReportFilter {
  search: string;
  campaignId: string | null;
  agentId: string | null;
  results: InteractionResult[];
  from: string | null;
  to: string | null;
}

export const EMPTY_REPORT_FILTER: ReportFilter = { search: '', campaignId: null, agentId: null, results: [], from: null, to: null };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The filter as the API's InteractionFilterInput. "To" is inclusive for the reader and the API's
 * createdTo is exclusive, so it becomes the next day; days are read in UTC, like the CSV's times.
 */
export function interactionFilter(filter: ReportFilter) {
  return {
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.campaignId ? { campaignId: filter.campaignId } : {}),
    ...(filter.agentId ? { agentId: filter.agentId } : {}),
    ...(filter.results.length ? { results: filter.results } : {}),
    ...(filter.from ? { createdFrom: `${filter.from}T00:00:00.000Z` } : {}),
    ...(filter.to ? { createdTo: `${nextDay(filter.to)}T00:00:00.000Z` } : {}),
  };
}

/** The same filter as the CSV export's URL parameters (lists comma-separated). */
export function reportParams(filter: ReportFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(interactionFilter(filter))) params.set(key, Array.isArray(value) ? value.join(',') : value);
  return params;
}

/** The screen's address query for the filter, so a report can be linked and survives a reload. */
export function filterToQuery(filter: ReportFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.search.trim()) query.q = filter.search.trim();
  if (filter.campaignId) query.campaign = filter.campaignId;
  if (filter.agentId) query.agent = filter.agentId;
  if (filter.results.length) query.results = filter.results.join(',');
  if (filter.from) query.from = filter.from;
  if (filter.to) query.to = filter.to;
  return query;
}

/** The filter back from the address; anything malformed is dropped rather than sent to the API. */
export function filterFromQuery(query: Record<string, unknown>): ReportFilter {
  const text = (key: string) => (typeof query[key] === 'string' && query[key] ? (query[key] as string) : null);
  const date = (key: string) => {
    const v = text(key);
    return v && DATE.test(v) ? v : null;
  };
  const results = (text('results') ?? '').split(',').filter((r): r is InteractionResult => (RESULTS as readonly string[]).includes(r));
  return { search: text('q') ?? '', campaignId: text('campaign'), agentId: text('agent'), results, from: date('from'), to: date('to') };
}

/** Why the filter is refused before asking, as a key under `admin.errors`. */
export function reportProblem(filter: ReportFilter): 'dateOrder' | null {
  return filter.from && filter.to && filter.from > filter.to ? 'dateOrder' : null;
}
