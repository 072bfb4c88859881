import { describe, expect, it } from 'vitest';
import { connectionOf, ormOptions } from '../orm.js';

describe('where a database URL connects', () => {
  it('names a Unix socket as libpq does, on the URL port or 5432', () => {
    expect(connectionOf('postgres://postgres@localhost/parley?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', port: 5432, user: 'postgres', dbName: 'parley' });
    expect(connectionOf('postgres://postgres@localhost:5433/parley?host=/tmp')).toMatchObject({ host: '/tmp', port: 5433 });
    expect(ormOptions('postgres://postgres@localhost/parley?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', port: 5432 });
  });

  it('reads a password with escapes, and a TCP address', () => {
    expect(connectionOf('postgres://ana:p%40ss@127.0.0.1:5544/parley')).toEqual({ host: '127.0.0.1', port: 5544, user: 'ana', password: 'p@ss', dbName: 'parley' });
  });

  it('reads ?port=, ?user= and ?host= as pg does, and keeps ?schema=', () => {
    expect(connectionOf('postgres://postgres@localhost/parley?port=5544&user=bob')).toMatchObject({ host: 'localhost', port: 5544, user: 'bob', dbName: 'parley' });
    expect(connectionOf('postgres://postgres@db/parley?host=db.internal')).toMatchObject({ host: 'db.internal', port: 5432 });
    expect(connectionOf('postgres://postgres@db/parley?schema=parley')).toMatchObject({ schema: 'parley' });
  });
});
