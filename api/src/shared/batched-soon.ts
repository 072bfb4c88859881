/**
 * One lookup for many callers. Keys asked while a batch runs wait and go together in the next one,
 * so under load a hundred callers cost two statements, not a hundred, while a caller alone runs at
 * once. Each caller's promise settles with a batch that began after its call, so that batch sees
 * whatever the caller committed before asking.
 */
export function batchedSoon<K, V>(run: (keys: K[]) => Promise<ReadonlyMap<K, V>>): (key: K) => Promise<V | undefined> {
  let last: Promise<unknown> = Promise.resolve();
  let gathering: { keys: Set<K>; done: Promise<ReadonlyMap<K, V>> } | null = null;
  return (key) => {
    if (!gathering) {
      const batch: { keys: Set<K>; done: Promise<ReadonlyMap<K, V>> } = { keys: new Set(), done: Promise.resolve(new Map()) };
      batch.done = last.then(() => {
        if (gathering === batch) gathering = null;
        return run([...batch.keys]);
      });
      // A failed batch fails its own callers only; the next one still runs.
      last = batch.done.catch(() => undefined);
      gathering = batch;
    }
    gathering.keys.add(key);
    return gathering.done.then((found) => found.get(key));
  };
}

/** A batcher per dependency set: tests run several servers in one process, each with its own database. */
export function batchedSoonPer<D extends object, K, V>(run: (deps: D, keys: K[]) => Promise<ReadonlyMap<K, V>>): (deps: D, key: K) => Promise<V | undefined> {
  const batchers = new WeakMap<D, (key: K) => Promise<V | undefined>>();
  return (deps, key) => {
    let batcher = batchers.get(deps);
    if (!batcher) batchers.set(deps, (batcher = batchedSoon((keys: K[]) => run(deps, keys))));
    return batcher(key);
  };
}
