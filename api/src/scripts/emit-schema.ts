/** Writes schema/schema.graphql from the code. `--check` exits 1 when the file differs. */
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildParleySchema } from '../server/schema.js';

export async function printParleySchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildParleySchema()))}\n`;
}

async function main(): Promise<void> {
  const file = path.resolve(__dirname, '..', '..', '..', 'schema', 'schema.graphql');
  const sdl = await printParleySchema();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== sdl) {
      console.error('schema/schema.graphql is stale: run npm run schema:emit');
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(file, sdl);
  console.log(`written ${file}`);
}

if (require.main === module) void main();
