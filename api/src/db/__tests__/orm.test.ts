import { describe, expect, it } from 'vitest';
import { ormOptions, socketOf } from '../orm.js';

describe('a database URL naming a Unix socket', () => {
  it('goes to the driver as its host, on the URL port or 5432', () => {
    expect(socketOf('postgres://postgres@localhost/parley?host=/var/run/postgresql')).toEqual({ host: '/var/run/postgresql', port: 5432 });
    expect(socketOf('postgres://postgres@localhost:5433/parley?host=/tmp')).toEqual({ host: '/tmp', port: 5433 });
    expect(ormOptions('postgres://postgres@localhost/parley?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', port: 5432 });
  });

  it('leaves a TCP address to the URL', () => {
    expect(socketOf('postgres://postgres@127.0.0.1:5432/parley')).toBeNull();
    expect(socketOf('postgres://postgres@db/parley?host=db.internal')).toBeNull();
    expect(ormOptions('postgres://postgres@127.0.0.1:5432/parley')).not.toHaveProperty('host');
  });
});
