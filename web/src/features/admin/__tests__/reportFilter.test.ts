import { describe, expect, it } from 'vitest';
import { EMPTY_REPORT_FILTER, filterFromQuery, filterToQuery, interactionFilter, reportParams, reportProblem } from '../reportFilter';

const full = { search: 'P-1', campaignId: 'c1', agentId: 'a1', results: ['SUCCESS', 'NO_ANSWER'] as const, from: '2026-11-01', to: '2026-11-30' };

describe('report filter', () => {
  it('an empty filter asks for everything', () => {
    expect(interactionFilter(EMPTY_REPORT_FILTER)).toEqual({});
    expect(reportParams(EMPTY_REPORT_FILTER).toString()).toBe('');
  });

  it('the last day is included: createdTo is the next midnight', () => {
    expect(interactionFilter({ ...EMPTY_REPORT_FILTER, from: '2026-11-01', to: '2026-11-30' })).toEqual({
      createdFrom: '2026-11-01T00:00:00.000Z',
      createdTo: '2026-12-01T00:00:00.000Z',
    });
  });

  it('the CSV parameters carry the same filter, lists comma-separated', () => {
    const params = reportParams({ ...full, results: [...full.results] });
    expect(params.get('results')).toBe('SUCCESS,NO_ANSWER');
    expect(params.get('campaignId')).toBe('c1');
    expect(params.get('search')).toBe('P-1');
  });

  it('survives a round trip through the address', () => {
    const filter = { ...full, results: [...full.results] };
    expect(filterFromQuery(filterToQuery(filter))).toEqual(filter);
  });

  it('drops malformed values from the address', () => {
    expect(filterFromQuery({ results: 'SUCCESS,WRONG', from: 'yesterday' })).toEqual({ ...EMPTY_REPORT_FILTER, results: ['SUCCESS'] });
  });

  it('refuses a range that ends before it starts', () => {
    expect(reportProblem({ ...EMPTY_REPORT_FILTER, from: '2026-11-02', to: '2026-11-01' })).toBe('dateOrder');
  });
});
