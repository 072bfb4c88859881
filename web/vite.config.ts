import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Other sites link to the embed script, so it keeps a stable, unhashed name. */
const EMBED_FILE = 'widget.js';
const EMBED_SOURCE = '/src/embed/widget.ts';

/** In dev there is no built `/widget.js`; serve the embed source under that name instead. */
function serveEmbedInDev(): Plugin {
  return {
    name: 'parley:serve-embed-in-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.split('?')[0] === `/${EMBED_FILE}`) req.url = EMBED_SOURCE;
        next();
      });
    },
  };
}

/** In dev and preview, what the API serves beside the pages: GraphQL (and its WebSocket), uploads, files. */
const API = 'http://127.0.0.1:4000';
const API_PROXY = {
  '/graphql': { target: API, ws: true, changeOrigin: true },
  '/uploads': { target: API, changeOrigin: true },
  '/files': { target: API, changeOrigin: true },
};

export default defineConfig({
  root: fromHere('.'),
  plugins: [vue(), serveEmbedInDev()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { proxy: API_PROXY },
  preview: { proxy: API_PROXY },
  build: {
    outDir: fromHere('./dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: fromHere('./index.html'),
        widget: fromHere('./widget.html'),
        demo: fromHere('./demo.html'),
        embed: fromHere(`.${EMBED_SOURCE}`),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'embed' ? EMBED_FILE : 'assets/[name]-[hash].js'),
      },
    },
  },
});
