/**
 * The habits the code keeps, checked with the tests: ESLint's rules (among them, that no module
 * imports from server/) and Prettier's formatting, over every file git tracks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('the code’s habits', () => {
  it('breaks no ESLint rule', { timeout: 120_000 }, async () => {
    const results = await new ESLint({ cwd: root }).lintFiles(['.']);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath.slice(root.length + 1)}:${m.line} ${m.ruleId ?? ''} ${m.message}`));
    expect(problems).toEqual([]);
  });

  it('is formatted as Prettier writes it', { timeout: 120_000 }, async () => {
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const ignorePath = join(root, '.prettierignore');
    const unformatted: string[] = [];
    for (const file of files) {
      const path = join(root, file);
      // A file deleted but not yet committed is still listed.
      if (!existsSync(path)) continue;
      const info = await prettier.getFileInfo(path, { ignorePath });
      if (info.ignored || !info.inferredParser) continue;
      const options = { ...(await prettier.resolveConfig(path)), filepath: path };
      if (!(await prettier.check(await readFile(path, 'utf8'), options))) unformatted.push(file);
    }
    expect(unformatted, 'run npm run format').toEqual([]);
  });
});
