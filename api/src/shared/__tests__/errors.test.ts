import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { conflict, ErrorCode, maskError } from '../errors.js';

describe('error masking', () => {
  it('passes an expected error through with its code, minus any stack trace', () => {
    const err = conflict('Someone else took this interaction');
    const logged: unknown[] = [];
    const shown = maskError({ ...err.toJSON(), extensions: { ...err.extensions, stacktrace: ['at x'] } }, err, (e) => logged.push(e));
    expect(shown).toEqual({ message: 'Someone else took this interaction', extensions: { code: ErrorCode.CONFLICT } });
    expect(logged).toEqual([]);
  });

  it('passes graphql-js validation errors through', () => {
    const shown = maskError({ message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, null, () => undefined);
    expect(shown.message).toBe('Cannot query field "x"');
  });

  it('hides an unexpected error from the client and logs the original', () => {
    const original = new Error('relation "secret_table" does not exist');
    const logged: unknown[] = [];
    const formatted = new GraphQLError(original.message, { originalError: original, path: ['messages'] }).toJSON();
    const shown = maskError(formatted, original, (e) => logged.push(e));
    expect(shown).toEqual({ message: 'Internal server error', path: ['messages'], locations: undefined, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    expect(logged).toEqual([original]);
  });
});
