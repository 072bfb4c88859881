// CPU time and memory from Linux's /proc, for figures that say who used the shared cores: the API
// process, this database's PostgreSQL backends, Redis, the load generator itself, and the machine.
// Elsewhere (no /proc) every reading is null and the figures say "not measured".
import fs from 'node:fs';

// Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux this runs on.
const TICKS = 100;

const read = (file) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** User plus system CPU seconds of one process (its threads included), or null once it is gone. */
export function cpuSeconds(pid) {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name in parentheses may hold spaces: fields are counted after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** Resident memory of one process in bytes. */
export function rssBytes(pid) {
  const kib = read(`/proc/${pid}/status`)?.match(/^VmRSS:\s+(\d+) kB/m)?.[1];
  return kib ? Number(kib) * 1024 : null;
}

/** Processes whose command line contains every one of `parts` (e.g. PostgreSQL's backends of one database). */
export function pidsWith(...parts) {
  if (!fs.existsSync('/proc')) return [];
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      const cmd = read(`/proc/${pid}/cmdline`)?.replaceAll('\0', ' ');
      return cmd && parts.every((p) => cmd.includes(p));
    })
    .map(Number);
}

/** All cores' busy and total seconds since boot (iowait counts as idle). */
function machine() {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line) return null;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / TICKS, total: (busy + idle + iowait) / TICKS };
}

/** The share of all cores busy over the next `ms` milliseconds (0 to 1), or null without /proc. */
export async function machineBusy(ms) {
  const from = machine();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const to = machine();
  return from && to ? (to.busy - from.busy) / (to.total - from.total || 1) : null;
}

/**
 * Readings taken at marks (`mark()`), compared two at a time (`between`): each party's CPU as a
 * share of one core over the interval. The API process's memory is sampled every second for its peak.
 */
export class Usage {
  /** `database`: the name in the command line of this run's PostgreSQL backends (other databases on the machine are others' load). */
  constructor({ apiPid, database }) {
    this.apiPid = apiPid;
    this.database = database;
    this.peakRss = 0;
    this.timer = setInterval(() => (this.peakRss = Math.max(this.peakRss, rssBytes(apiPid) ?? 0)), 1000);
    this.timer.unref();
  }

  mark() {
    const postgres = pidsWith('postgres:', this.database).map((pid) => [pid, cpuSeconds(pid)]);
    const redis = pidsWith('redis-server').map((pid) => [pid, cpuSeconds(pid)]);
    const sim = process.cpuUsage();
    return {
      at: performance.now(),
      api: cpuSeconds(this.apiPid),
      rss: rssBytes(this.apiPid),
      postgres: new Map(postgres),
      redis: new Map(redis),
      sim: (sim.user + sim.system) / 1e6,
      machine: machine(),
    };
  }

  /**
   * CPU seconds between two marks of each party (null where unreadable), the machine's busy seconds
   * over all its cores, and how many cores it has.
   */
  spent(a, b) {
    const seconds = (b.at - a.at) / 1000;
    // A backend that started after `a` counts from zero; one that ended before `b` is lost (the pool keeps its connections).
    const sum = (before, after) => [...after].reduce((s, [pid, t]) => s + (t ?? 0) - (before.get(pid) ?? 0), 0);
    const api = a.api === null || b.api === null ? null : b.api - a.api;
    const postgres = sum(a.postgres, b.postgres);
    const redis = sum(a.redis, b.redis);
    const simulator = b.sim - a.sim;
    const cores = b.machine && a.machine ? (b.machine.total - a.machine.total) / seconds : null;
    const busy = b.machine && a.machine ? b.machine.busy - a.machine.busy : null;
    // Whatever else ran on the machine meanwhile (other people's tests, builds).
    const others = busy === null ? null : Math.max(0, busy - ((api ?? 0) + postgres + redis + simulator));
    return { seconds, api, postgres, redis, simulator, others, busy, cores };
  }

  /** CPU between two marks in % of one core (the machine's: busy % of all its cores); null where unreadable. */
  between(a, b) {
    const used = this.spent(a, b);
    const pct = (x) => (x === null || Number.isNaN(x) ? null : Math.round((x / used.seconds) * 1000) / 10);
    return {
      seconds: Math.round(used.seconds * 10) / 10,
      apiCpu: pct(used.api),
      postgresCpu: pct(used.postgres),
      redisCpu: pct(used.redis),
      simulatorCpu: pct(used.simulator),
      machineBusy: used.busy === null ? null : pct(used.busy / used.cores),
      othersCpu: pct(used.others),
      cores: used.cores === null ? null : Math.round(used.cores),
      apiRssMiB: b.rss === null ? null : Math.round(b.rss / 2 ** 20),
    };
  }

  peakRssMiB() {
    return Math.round(this.peakRss / 2 ** 20);
  }

  stop() {
    clearInterval(this.timer);
  }
}
