// The functions a V8 CPU profile (`node --cpu-prof`) spent its own time in, over a window of the
// load generator's clock: the profile's timestamps and `process.hrtime` both read the monotonic
// clock in microseconds, so a phase marked by the generator selects the samples taken during it.
import fs from 'node:fs';
import path from 'node:path';

/** The newest `.cpuprofile` in `dir` written after `since` (ms since the epoch), or null. */
export function newestProfile(dir, since) {
  if (!dir || !fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => ({ file: path.join(dir, f), at: fs.statSync(path.join(dir, f)).mtimeMs }))
    .filter((f) => f.at >= since)
    .sort((a, b) => b.at - a.at);
  return files[0]?.file ?? null;
}

/** Now on the profile's clock (µs). */
export const profileClock = () => Number(process.hrtime.bigint() / 1000n);

const PSEUDO = ['(idle)', '(garbage collector)', '(program)', '(root)'];

/** A script's path, short: from the package or from api/dist on. */
const shortPath = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/api\/dist\//, 'api/dist/');

/** A package, or a module of the API, that a script belongs to; null for Node's own scripts and native code. */
function ownerOf(url) {
  if (!url || url.startsWith('node:')) return null;
  const parts = shortPath(url).split('/');
  if (parts[0] === 'api') return parts.slice(0, parts[2] === 'modules' ? 4 : 3).join('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * Self time between `fromUs` and `toUs`: the `top` functions, and the `top` owners (packages, API
 * modules) with their share of the window's samples, a system call or a Node internal charged to
 * the nearest owner on its stack (a `writev` under `pg` is PostgreSQL's, under `ws` a socket's);
 * and the shares of idle, garbage collection and the program (native work outside JavaScript).
 */
export function selfTime(file, fromUs, toUs, top = 12) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
  const owner = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const found = ownerOf(byId.get(at).callFrame.url);
      if (found) return found;
    }
    return '(Node itself)';
  };
  const counts = new Map();
  let t = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t < fromUs || t > toUs) return;
    total++;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  const byFunction = new Map();
  const byOwner = new Map();
  const add = (map, key, n) => map.set(key, (map.get(key) ?? 0) + n);
  for (const [id, n] of counts) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const where = url ? `${shortPath(url)}:${lineNumber + 1}` : '';
    const name = functionName || '(anonymous)';
    add(byFunction, `${name} ${where}`.trim(), n);
    if (!PSEUDO.includes(name)) add(byOwner, owner(id), n);
  }
  const share = (n) => (total ? Math.round((n / total) * 1000) / 10 : 0);
  const ranked = (map) => [...map].filter(([k]) => !PSEUDO.includes(k)).sort((a, b) => b[1] - a[1]);
  return {
    samples: total,
    idlePct: share(byFunction.get('(idle)') ?? 0),
    gcPct: share(byFunction.get('(garbage collector)') ?? 0),
    programPct: share(byFunction.get('(program)') ?? 0),
    top: ranked(byFunction)
      .slice(0, top)
      .map(([fn, n]) => ({ fn, selfPct: share(n) })),
    owners: ranked(byOwner)
      .slice(0, top)
      .map(([name, n]) => ({ owner: name, selfPct: share(n) })),
  };
}
