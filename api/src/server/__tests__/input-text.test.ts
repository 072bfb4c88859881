import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getOperationAST, isInputObjectType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { textInputRefusal } from '../input-text.js';
import { DEFAULT_TEXT_LIMIT, TEXT_LIMITS } from '../text-limits.js';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'schema', 'schema.graphql'), 'utf8'));

/** The refusal of one request, as { code, field, message }, or null. */
function refusal(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(query);
  const error = textInputRefusal(schema, document, getOperationAST(document, operationName), variables);
  return error && { code: error.extensions.code, field: error.extensions.field, message: error.message };
}

const POST = 'mutation($input: PostMessageInput!) { postMessage(input: $input) { id } }';
const START = 'mutation($input: StartInteractionInput!) { startInteraction(input: $input) { visitorToken } }';
const contact = (extra: Record<string, unknown>) => ({ input: { campaignId: 'c', channel: 'WEBCHAT', contact: { name: 'Ana', ...extra } } });

describe('text input', () => {
  it('refuses the NUL character in a variable, at any depth of an input object', () => {
    expect(refusal(START, contact({ email: 'ana\u0000@example.com' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'email', message: 'email may not contain the NUL character (\\u0000)' });
    expect(refusal(POST, { input: { interactionId: 'i', body: 'a\u0000b' } })?.field).toBe('body');
    expect(refusal('mutation($t: [String!]!) { setTags(id: "i", tags: $t) { id } }', { t: ['ok', 'n\u0000'] })?.field).toBe('tags');
    expect(refusal('mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: '\u0000' })?.field).toBe('id');
  });

  it('refuses the NUL character written in the document', () => {
    expect(refusal('mutation { createTag(name: "a\\u0000") { name } }')?.field).toBe('name');
    expect(refusal('mutation { createCampaign(input: { name: "a\\u{0}" }) { id } }')?.field).toBe('name');
    expect(refusal('mutation($n: String = "\\u0000") { createTag(name: $n) { name } }')?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses text longer than its input takes, with the limit in the message', () => {
    expect(refusal(START, { input: { campaignId: 'c', channel: 'WEBCHAT', contact: {}, country: 'x'.repeat(DEFAULT_TEXT_LIMIT + 1) } })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'country',
      message: `country holds at most ${DEFAULT_TEXT_LIMIT} characters`,
    });
    expect(refusal(START, { input: { campaignId: 'c', channel: 'WEBCHAT', contact: {}, country: 'x'.repeat(DEFAULT_TEXT_LIMIT) } })).toBeNull();
    expect(refusal(`mutation { createCampaign(input: { name: "${'x'.repeat(DEFAULT_TEXT_LIMIT + 1)}" }) { id } }`)?.field).toBe('name');
  });

  it('lets the inputs listed take longer text, up to their own limit', () => {
    expect(refusal(POST, { input: { interactionId: 'i', body: 'x'.repeat(10_000) } })).toBeNull();
    expect(refusal(POST, { input: { interactionId: 'i', body: 'x'.repeat(10_001) } })?.message).toBe('body holds at most 10000 characters');
    // The same name elsewhere takes only the default: the limit is the input's, not the word's.
    expect(refusal('mutation($b: String!) { createTag(name: $b) { name } }', { b: 'x'.repeat(2000) })?.field).toBe('name');
    expect(refusal('mutation($b: String!) { addNote(id: "i", body: $b) { id } }', { b: 'x'.repeat(2000) })).toBeNull();
  });

  it('follows variables into fragments, and judges only the operation asked for', () => {
    const document = `
      mutation Tag($n: String!) { ...tag }
      mutation Note($n: String!) { addNote(id: "i", body: $n) { id } }
      fragment tag on Mutation { createTag(name: $n) { name } }`;
    const long = { n: 'x'.repeat(1000) };
    expect(refusal(document, long, 'Tag')?.field).toBe('name');
    expect(refusal(document, long, 'Note')).toBeNull();
  });

  it('leaves what is not text, and variables no input uses, to the usual checks', () => {
    expect(refusal('query($f: InteractionFilterInput) { interactions(filter: $f) { totalCount } }', { f: { createdFrom: '2026-01-01T00:00:00Z', phases: ['CLOSED'] } })).toBeNull();
    expect(refusal('{ me { id } }', { unused: 'a\u0000' })).toBeNull();
    expect(refusal(POST, { input: 'not an object' })).toBeNull();
  });
});

describe('the list of longer text inputs', () => {
  it('names only inputs the schema has, each taking more than the default', () => {
    for (const [coordinate, limit] of Object.entries(TEXT_LIMITS)) {
      const argument = /^(\w+)\.(\w+)\((\w+):\)$/.exec(coordinate);
      const field = /^(\w+)\.(\w+)$/.exec(coordinate);
      if (argument) {
        const type = schema.getType(argument[1]!);
        expect(isObjectType(type) && type.getFields()[argument[2]!]?.args.some((a) => a.name === argument[3]), coordinate).toBe(true);
      } else {
        const type = schema.getType(field?.[1] ?? '');
        expect(isInputObjectType(type) && field![2]! in type.getFields(), coordinate).toBe(true);
      }
      expect(limit, coordinate).toBeGreaterThan(DEFAULT_TEXT_LIMIT);
    }
  });
});
