import { describe, expect, it } from 'vitest';
import { ErrorCode, maskError } from '../errors.js';

describe('error masking, as Apollo hands errors over', () => {
  it('hides an unexpected error that Apollo has already coded INTERNAL_SERVER_ERROR', () => {
    // Apollo gives every unexpected error this code before formatError sees it.
    const original = new Error("insert into tags (name) values ('x') - invalid message format");
    const logged: unknown[] = [];
    const shown = maskError({ message: original.message, path: ['createTag'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original, (e) => logged.push(e));
    expect(shown).toEqual({ message: 'Internal server error', path: ['createTag'], locations: undefined, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    expect(logged).toEqual([original]);
  });
});
