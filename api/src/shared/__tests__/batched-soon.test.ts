import { describe, expect, it } from 'vitest';
import { batchedSoon, batchedSoonPer } from '../batched-soon.js';

/** A lookup whose batches the test releases one by one, recording what each was asked. */
function gatedLookup() {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const run = async (keys: string[]) => {
    batches.push(keys);
    await new Promise<void>((release) => gates.push(release));
    return new Map(keys.map((k) => [k, `${k}@${batches.length}`]));
  };
  const releaseNext = async () => {
    for (let i = 0; i < 100 && gates.length === 0; i++) await new Promise((r) => setTimeout(r, 1));
    gates.shift()!();
  };
  return { batches, run, releaseNext };
}

describe('a lookup batched for the callers who arrive together', () => {
  it('runs a caller alone at once, and those asking meanwhile together in the next batch', async () => {
    const lookup = gatedLookup();
    const load = batchedSoon(lookup.run);
    const first = load('a');
    await new Promise((r) => setTimeout(r, 1));
    expect(lookup.batches).toEqual([['a']]);
    const later = ['b', 'c', 'b'].map((k) => load(k));
    await lookup.releaseNext();
    expect(await first).toBe('a@1');
    await lookup.releaseNext();
    // Each caller gets its own key's answer; a key asked twice is looked up once.
    expect(await Promise.all(later)).toEqual(['b@2', 'c@2', 'b@2']);
    expect(lookup.batches).toEqual([['a'], ['b', 'c']]);
  });

  it('answers a caller from a batch that began after it asked, never from one already running', async () => {
    const lookup = gatedLookup();
    const load = batchedSoon(lookup.run);
    const first = load('a');
    await new Promise((r) => setTimeout(r, 1));
    const again = load('a');
    await lookup.releaseNext();
    await lookup.releaseNext();
    expect([await first, await again]).toEqual(['a@1', 'a@2']);
  });

  it('fails only the callers of a failed batch; the next batch runs', async () => {
    let calls = 0;
    const load = batchedSoon(async (keys: string[]) => {
      if (++calls === 1) throw new Error('the database went away');
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    const failed = load('a');
    const next = load('b');
    await expect(failed).rejects.toThrow('the database went away');
    await expect(next).rejects.toThrow('the database went away');
    expect(await load('c')).toBe('C');
  });

  it('keeps one batcher per dependency set, so two servers in one process never share a batch', async () => {
    const seen: [string, string[]][] = [];
    const load = batchedSoonPer(async (deps: { name: string }, keys: string[]) => {
      seen.push([deps.name, keys]);
      return new Map(keys.map((k) => [k, `${deps.name}:${k}`]));
    });
    const [one, two] = [{ name: 'one' }, { name: 'two' }];
    expect(await Promise.all([load(one, 'a'), load(two, 'a'), load(one, 'b')])).toEqual(['one:a', 'two:a', 'one:b']);
    expect(seen).toEqual([
      ['one', ['a', 'b']],
      ['two', ['a']],
    ]);
  });
});
