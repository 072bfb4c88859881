import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { rows } from '../db/sql.js';
import type { Deps } from '../shared/deps.js';

/** The widget's frame page, which customers' sites embed with /widget.js: the one page any site may frame. */
const EMBEDDABLE = new Set(['/widget', '/widget.html']);

/**
 * Pages of the app may be framed by the app only: a site that framed the inbox under its own
 * buttons would have an agent click through to actions they never meant (clickjacking). CSP's
 * frame-ancestors for browsers that read it, X-Frame-Options for those that do not.
 */
export function refuseForeignFrames(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (!EMBEDDABLE.has(req.path.toLowerCase().replace(/(.)\/$/, '$1'))) res.set({ 'content-security-policy': "frame-ancestors 'self'", 'x-frame-options': 'SAMEORIGIN' });
  next();
}

/** Serves the built web app at /, the widget at /widget and /widget.js, and a demo page at /demo. */
export function webRouter(deps: Deps): Router {
  const dist = path.resolve(deps.config.WEB_DIST ?? path.join(__dirname, '..', '..', '..', 'web', 'dist'));
  const router = express.Router();
  router.use(refuseForeignFrames);
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    deps.log.warn({ dist }, 'web app not built: run npm run build');
    router.get('/', (_req, res) => void res.type('text').send('The web app is not built. Run: npm run build'));
    return router;
  }
  const page = (name: string) => (_req: express.Request, res: express.Response) => res.sendFile(path.join(dist, name));
  router.get('/demo', async (req, res, next) => {
    if (req.query.campaign) return page('demo.html')(req, res);
    try {
      const [first] = await rows(deps.orm.em.fork(), 'select id from campaigns order by created_at limit 1');
      if (!first) return void res.type('text').send('Create a campaign first, then open /demo again.');
      res.redirect(`/demo?campaign=${first.id}`);
    } catch (err) {
      next(err);
    }
  });
  router.get('/widget', page('widget.html'));
  router.use(express.static(dist, { index: false, maxAge: '1h' }));
  // Client-side routes of the app: anything else that looks like a page gets index.html.
  router.get(/^\/(?!graphql|explorer|metrics|healthz|readyz|assets\/).*/, page('index.html'));
  return router;
}
