// The GraphQL operations the web app and the widget send, read from their own `.graphql` files with
// every fragment they spread: a simulated agent asks the server for exactly what a browser asks, and
// follows the app when its documents change, instead of a copy here that would drift from it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/src');

/** Every `.graphql` file under `dir`, generated folders included (they hold none). */
function graphqlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : graphqlFiles(full);
    return entry.name.endsWith('.graphql') ? [full] : [];
  });
}

/** The top-level definitions of one file, each as its text: comments and strings skipped while braces are counted. */
function definitions(text) {
  const found = [];
  const head = /(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/y;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
      continue;
    }
    head.lastIndex = i;
    const m = head.exec(text);
    if (!m) {
      i++;
      continue;
    }
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      if (text[j] === '#') j = text.indexOf('\n', j) === -1 ? text.length : text.indexOf('\n', j);
      else if (text.startsWith('"""', j)) j = text.indexOf('"""', j + 3) + 2;
      else if (text[j] === '"') j = text.indexOf('"', j + 1);
      else if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) break;
    }
    found.push({ kind: m[1], name: m[2], text: text.slice(i, j + 1) });
    i = j + 1;
  }
  return found;
}

/**
 * Reads web/src once; `document(name)` is the operation of that name (`inboxUpdates`,
 * `startInteraction`, ...) followed by the fragments it needs, transitively.
 */
export function webDocuments(root = WEB_SRC) {
  const operations = new Map();
  const fragments = new Map();
  for (const file of graphqlFiles(root)) {
    for (const d of definitions(fs.readFileSync(file, 'utf8'))) (d.kind === 'fragment' ? fragments : operations).set(d.name, d.text);
  }
  const spreads = (text) => [...text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)].map((m) => m[1]).filter((name) => name !== 'on');
  return function document(name) {
    const operation = operations.get(name);
    if (!operation) throw new Error(`no operation ${name} in ${root}`);
    const needed = new Map();
    const visit = (text) => {
      for (const fragment of spreads(text)) {
        if (needed.has(fragment)) continue;
        if (!fragments.has(fragment)) throw new Error(`${name} spreads ${fragment}, found in no .graphql file`);
        needed.set(fragment, fragments.get(fragment));
        visit(fragments.get(fragment));
      }
    };
    visit(operation);
    return [operation, ...needed.values()].join('\n');
  };
}
