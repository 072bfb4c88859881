/**
 * The schema is a contract: schema/schema.graphql must be exactly what the code emits, and the
 * web app's generated documents must be exactly what codegen makes from that file.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const require = createRequire(import.meta.url);

describe('the schema contract', () => {
  it('schema/schema.graphql matches the schema the code builds', async () => {
    const { printParleySchema } = require(path.join(root, 'api/dist/scripts/emit-schema.js'));
    const emitted: string = await printParleySchema();
    const committed = fs.readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8');
    expect(committed, 'schema/schema.graphql is stale: run `npm run schema:emit`').toBe(emitted);
  });

  it('the web app’s generated GraphQL documents are fresh', async () => {
    const { generate } = await import('@graphql-codegen/cli');
    const config = (await import(path.join(root, 'codegen.ts'))).default;
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const out of outputs) {
      const file = path.resolve(root, out.filename);
      expect(fs.existsSync(file), `${out.filename} is missing: run \`npm run codegen\``).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), `${out.filename} is stale: run \`npm run codegen\``).toBe(out.content);
    }
  });
});
