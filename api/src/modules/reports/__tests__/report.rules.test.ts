import { describe, expect, it } from 'vitest';
import type { InteractionView } from '../../interactions/interaction.view.js';
import { neutralizedCell, REPORT_COLUMNS, ReportRefused, reportFilter, reportRow } from '../report.rules.js';

describe('the conversations report', () => {
  it('reads its filter from URL parameters', () => {
    expect(
      reportFilter({
        campaignId: '7d2f5c1e-0f2a-4b7e-9a51-0c2b8f1d3e4a',
        results: 'SUCCESS,ESCALATED',
        createdFrom: '2026-11-01',
        createdTo: '2026-11-21T00:00:00Z',
        search: 'ana',
      }),
    ).toEqual({
      campaignId: '7d2f5c1e-0f2a-4b7e-9a51-0c2b8f1d3e4a',
      agentId: null,
      phases: null,
      results: ['SUCCESS', 'ESCALATED'],
      createdFrom: new Date('2026-11-01T00:00:00Z'),
      createdTo: new Date('2026-11-21T00:00:00Z'),
      search: 'ana',
    });
  });

  it('names the parameter that is wrong', () => {
    const refusal = (query: Record<string, unknown>) => {
      try {
        reportFilter(query);
        return null;
      } catch (err) {
        return err instanceof ReportRefused ? err.field : 'other';
      }
    };
    expect(refusal({ results: 'SUCCESS,WON' })).toBe('results');
    expect(refusal({ agentId: 'bob' })).toBe('agentId');
    expect(refusal({ createdFrom: 'yesterday' })).toBe('createdFrom');
    expect(refusal({ createdFrom: '2026-11-21', createdTo: '2026-11-01' })).toBe('createdTo');
  });

  it('writes one line per conversation with the wait in seconds', () => {
    const view = {
      protocol: 'ACME-000042',
      campaign: { id: 'c', name: 'Acme', noAnswerTimeoutSeconds: null },
      channel: 'WEBCHAT',
      contact: { name: 'Ana', email: 'ana@example.com', phone: null },
      agent: { id: 'a', name: 'Bob' },
      phase: 'CLOSED',
      status: 'IN_PROGRESS',
      result: 'SUCCESS',
      tags: ['refund', 'vip'],
      createdAt: '2026-11-21T10:00:00.000Z',
      queuedAt: '2026-11-21T10:00:45.000Z',
      waitingSince: '2026-11-21T10:00:05.000Z',
      assignedAt: '2026-11-21T10:03:00.000Z',
      firstAssignedAt: '2026-11-21T10:01:35.000Z',
      closedAt: '2026-11-21T10:10:00.000Z',
    } as unknown as InteractionView;
    const row = reportRow(view);
    expect(row).toHaveLength(REPORT_COLUMNS.length);
    expect(Object.fromEntries(REPORT_COLUMNS.map((c, i) => [c, row[i]]))).toMatchObject({ protocol: 'ACME-000042', agent: 'Bob', tags: 'refund vip', waitedSeconds: 90, result: 'SUCCESS' });
  });

  it('turns cells a spreadsheet would run as formulas into text', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1']) expect(neutralizedCell(formula)).toBe(`'${formula}`);
    for (const plain of ['Ana', 'a=b', ' =1', "'quoted", '', 'ACME-000042']) expect(neutralizedCell(plain)).toBe(plain);
    expect(neutralizedCell(90)).toBe(90);
    expect(neutralizedCell(null)).toBeNull();
  });

  it('writes a contact named like a formula as text', () => {
    const view = {
      protocol: 'ACME-000043',
      campaign: { id: 'c', name: 'Acme', noAnswerTimeoutSeconds: null },
      channel: 'WEBCHAT',
      contact: { name: '=HYPERLINK("http://x")', email: null, phone: '+351 912 345 678' },
      agent: null,
      phase: 'WAITING',
      status: 'IN_PROGRESS',
      result: null,
      tags: [],
      createdAt: '2026-11-21T10:00:00.000Z',
      queuedAt: null,
      waitingSince: null,
      assignedAt: null,
      firstAssignedAt: null,
      closedAt: null,
    } as unknown as InteractionView;
    const row = Object.fromEntries(REPORT_COLUMNS.map((c, i) => [c, reportRow(view)[i]]));
    expect(row).toMatchObject({ contact: '\'=HYPERLINK("http://x")', phone: "'+351 912 345 678", protocol: 'ACME-000043', waitedSeconds: null });
  });
});
