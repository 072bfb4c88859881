import { stringify } from 'csv-stringify';
import { Router } from 'express';
import { createContext } from '../auth/request-context.js';
import type { Deps } from '../../shared/deps.js';
import { answerError, fail } from '../../shared/http-errors.js';
import { resolveViewer } from '../auth/auth.service.js';
import { requireSupervisor } from '../auth/guards.js';
import { credentialOf } from '../auth/tokens.js';
import { encodeCursor, InteractionOrder, listInteractions } from '../interactions/interaction.queries.js';
import { REPORT_COLUMNS, ReportRefused, reportFilter, reportRow } from './report.rules.js';

const PAGE = 200;

/**
 * GET /reports/conversations.csv: the conversations report, filtered like the `interactions` query
 * (campaignId, agentId, phases, results, createdFrom, createdTo, search as URL parameters), for
 * supervisors. Rows are written page by page as they are read, so a year of chats never sits in memory.
 */
export function reportsRouter(deps: Deps): Router {
  const router = Router();
  router.get('/reports/conversations.csv', async (req, res) => {
    let started = false;
    try {
      const em = deps.orm.em.fork();
      const viewer = await resolveViewer(em, credentialOf(req.headers));
      requireSupervisor(viewer);
      const filter = reportFilter(req.query as Record<string, unknown>);
      const ctx = createContext(deps, viewer, em);
      const read = (after: string | null) => listInteractions(ctx, filter, PAGE, after, InteractionOrder.NEWEST_FIRST, { count: false });
      let page = await read(null);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(`conversations-${new Date().toISOString().slice(0, 10)}.csv`);
      started = true;
      const csv = stringify({ header: true, columns: [...REPORT_COLUMNS], bom: true });
      csv.pipe(res);
      for (;;) {
        for (const view of page.nodes) if (!csv.write(reportRow(view))) await new Promise((r) => csv.once('drain', r));
        if (!page.hasNextPage) break;
        page = await read(encodeCursor(page.nodes.at(-1)!));
      }
      csv.end();
    } catch (err) {
      if (started) return void res.destroy(err as Error);
      if (err instanceof ReportRefused) return fail(res, 400, 'BAD_USER_INPUT', err.message);
      answerError(res, err, deps);
    }
  });
  return router;
}
