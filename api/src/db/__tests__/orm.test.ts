import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { connectionOf, ormOptions } from '../orm.js';

/** What `pg` itself would connect to (the job queue and the startup lock use it). */
function pgTarget(url: string) {
  const c = new pg.Client({ connectionString: url });
  return { host: c.host, port: c.port, user: c.user, dbName: c.database };
}

describe('where a database URL connects', () => {
  it('names a Unix socket as libpq does, on the URL port or 5432', () => {
    expect(connectionOf('postgres://postgres@localhost/parley?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', port: 5432, user: 'postgres', dbName: 'parley' });
    expect(connectionOf('postgres://postgres@localhost:5433/parley?host=/tmp')).toMatchObject({ host: '/tmp', port: 5433 });
    expect(ormOptions('postgres://postgres@localhost/parley?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', port: 5432 });
  });

  it('reads a password with escapes, and a TCP address', () => {
    expect(connectionOf('postgres://ana:p%40ss@127.0.0.1:5544/parley')).toEqual({ host: '127.0.0.1', port: 5544, user: 'ana', password: 'p@ss', dbName: 'parley' });
  });

  it('agrees with pg on every form, query parameters included', () => {
    for (const url of [
      'postgres://postgres@127.0.0.1:5432/parley',
      'postgres://postgres@localhost/parley?host=/var/run/postgresql',
      'postgres://postgres@db/parley?host=db.internal',
      'postgres://postgres@localhost/parley?port=5544&user=bob',
      'postgresql://u@h:6000/d',
    ]) {
      const { host, port, user, dbName } = connectionOf(url);
      expect({ host, port, user, dbName }, url).toEqual(pgTarget(url));
    }
  });
});
