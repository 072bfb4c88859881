import path from 'node:path';
import express, { type Router } from 'express';

/**
 * GraphiQL served from the installed packages, so the API explorer works without a network.
 * GraphiQL 3 is the last release with a self-contained browser bundle.
 */
export function explorerRouter(): Router {
  const router = express.Router();
  const file = (pkg: string, rel: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel);
  const assets: Record<string, string> = {
    'react.js': file('react', 'umd/react.production.min.js'),
    'react-dom.js': file('react-dom', 'umd/react-dom.production.min.js'),
    'graphiql.js': file('graphiql', 'graphiql.min.js'),
    'graphiql.css': file('graphiql', 'graphiql.min.css'),
  };
  router.get('/assets/:name', (req, res) => {
    const asset = assets[req.params.name];
    if (!asset) return void res.sendStatus(404);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(asset);
  });
  router.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley API explorer</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/explorer/assets/graphiql.css">
<style>html,body,#explorer{height:100%;margin:0}</style></head>
<body><div id="explorer"></div>
<script src="/explorer/assets/react.js"></script>
<script src="/explorer/assets/react-dom.js"></script>
<script src="/explorer/assets/graphiql.js"></script>
<script>
  const url = new URL('/graphql', location.href).toString();
  const fetcher = GraphiQL.createFetcher({ url, subscriptionUrl: url.replace(/^http/, 'ws') });
  ReactDOM.createRoot(document.getElementById('explorer')).render(
    React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: true,
      defaultHeaders: '{\\n  "Authorization": "Bearer <token from signIn>"\\n}' }));
</script></body></html>`);
  });
  return router;
}
