import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * A markdown guide whose code is run by tests. Each shell or TypeScript block is preceded by
 * `<!-- example: <name> needs: <VAR> <VAR> -->` (the variables it reads), each JSON block by
 * `<!-- payload: <TYPE> -->`, and a table a test checks by `<!-- check: <name> -->`. Blocks of other
 * languages (graphql, text) are for reading only; a block without a language is refused, so that no
 * code escapes by leaving its language out.
 */
export interface Guide {
  examples: Example[];
  payloads: Payload[];
  tables: Record<string, string[][]>;
  /** Blocks that break the convention, as "line N: why". */
  unmarked: string[];
}

export interface Example {
  name: string;
  kind: 'sh' | 'ts';
  /** The environment variables it reads, and only those: it runs with nothing else but PATH and HOME. */
  needs: string[];
  code: string;
  line: number;
}

export interface Payload {
  type: string;
  body: unknown;
  line: number;
}

const SHELL = new Set(['sh', 'bash', 'shell', 'zsh', 'console']);
const TYPESCRIPT = new Set(['ts', 'typescript', 'tsx', 'js', 'javascript', 'mjs']);
const READING_ONLY = new Set(['graphql', 'text', 'http']);

export function readGuide(markdown: string): Guide {
  const lines = markdown.split('\n');
  const guide: Guide = { examples: [], payloads: [], tables: {}, unmarked: [] };
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^(\s*)```(\S*)\s*$/.exec(line);
    if (!fence) {
      const check = /^<!--\s*check:\s*([a-z-]+)\s*-->$/.exec(line.trim());
      if (check) guide.tables[check[1]!] = tableAfter(lines, i + 1);
      if (line.trim()) previous = line.trim();
      continue;
    }
    const [, indent, language] = fence;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== '```'; i++) body.push(lines[i]!.slice(indent!.length));
    const code = `${body.join('\n')}\n`;
    const where = `line ${start + 1}`;
    const example = /^<!--\s*example:\s*([a-z0-9-]+)(?:\s+needs:((?:\s+[A-Z][A-Z0-9_]*)*))?\s*-->$/.exec(previous);
    const payload = /^<!--\s*payload:\s*([A-Z_]+)\s*-->$/.exec(previous);
    if (SHELL.has(language!) || TYPESCRIPT.has(language!)) {
      if (!example) guide.unmarked.push(`${where}: a ${language} block without <!-- example: <name> needs: <VARS> -->`);
      else guide.examples.push({ name: example[1]!, kind: SHELL.has(language!) ? 'sh' : 'ts', needs: (example[2] ?? '').trim().split(/\s+/).filter(Boolean), code, line: start + 1 });
    } else if (language === 'json') {
      if (!payload) guide.unmarked.push(`${where}: a json block without <!-- payload: <TYPE> -->`);
      else guide.payloads.push({ type: payload[1]!, body: JSON.parse(code), line: start + 1 });
    } else if (!READING_ONLY.has(language!)) {
      guide.unmarked.push(`${where}: a block in "${language || 'no language'}": give it one of sh, ts, json, ${[...READING_ONLY].join(', ')}`);
    }
    previous = '';
  }
  return guide;
}

/** The rows of the markdown table that starts after `from` (blank lines skipped), header and rule left out, cells trimmed. */
function tableAfter(lines: string[], from: number): string[][] {
  let i = from;
  while (i < lines.length && !lines[i]!.trim()) i++;
  const rows: string[][] = [];
  for (; i < lines.length && lines[i]!.trim().startsWith('|'); i++) {
    rows.push(
      lines[i]!.trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2);
}

/** Where examples are written and run: inside the repository, so that their imports resolve from its node_modules. */
export const EXAMPLES_DIR = path.resolve(__dirname, '..', 'artifacts', 'integrator-guide');

export function resetExamplesDir(): void {
  rmSync(EXAMPLES_DIR, { recursive: true, force: true });
  mkdirSync(EXAMPLES_DIR, { recursive: true });
}

/** The example's code as a file: the shell script, or the TypeScript compiled to an ES module. */
function writeExample(example: Example): string {
  if (example.kind === 'sh') {
    const file = path.join(EXAMPLES_DIR, `${example.name}.sh`);
    writeFileSync(file, example.code);
    return file;
  }
  const file = path.join(EXAMPLES_DIR, `${example.name}.mjs`);
  const compiled = ts.transpileModule(example.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: `${example.name}.ts` });
  writeFileSync(file, compiled.outputText);
  return file;
}

/** The environment an example runs with: exactly the variables its marker names, besides PATH and HOME. */
function environment(example: Example, vars: Record<string, string>): NodeJS.ProcessEnv {
  const given = Object.keys(vars).sort();
  const named = [...example.needs].sort();
  if (given.join(' ') !== named.join(' ')) throw new Error(`example "${example.name}" names ${named.join(' ') || 'nothing'} but is given ${given.join(' ') || 'nothing'}`);
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...vars };
}

/** A folder of its own for each run, where an example may keep files (a cursor, a sequence). */
export function runDir(name: string): string {
  const dir = path.join(EXAMPLES_DIR, `run-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an example to its end: a shell block with bash (-e, pipefail), a TypeScript block with node. */
export function runExample(example: Example, vars: Record<string, string>, options: { cwd?: string; timeoutMs?: number } = {}): Promise<Finished> {
  const file = writeExample(example);
  const [command, args] = example.kind === 'sh' ? ['bash', ['-e', '-o', 'pipefail', file]] : [process.execPath, [file]];
  return new Promise((resolve) => {
    execFile(command, args, { env: environment(example, vars), cwd: options.cwd ?? runDir(example.name), timeout: options.timeoutMs ?? 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

export interface Running {
  output(): string;
  /** Resolves once the output matches, and fails if the program ends first or the time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Ends it (SIGTERM) and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Starts an example that runs until it is stopped: a bot, a bridge, a feed reader, a receiver. */
export function startExample(example: Example, vars: Record<string, string>, options: { cwd?: string } = {}): Running {
  const file = writeExample(example);
  const child: ChildProcess = spawn(process.execPath, [file], { env: environment(example, vars), cwd: options.cwd ?? runDir(example.name), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  child.stdout!.on('data', (d) => ((output += d), changed()));
  child.stderr!.on('data', (d) => ((output += d), changed()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => (changed(), resolve())));
  return {
    output: () => output,
    waitFor(pattern, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) return finish(() => resolve(match));
          if (child.exitCode !== null || child.signalCode !== null) finish(() => reject(new Error(`"${example.name}" ended before printing ${pattern}:\n${output}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`"${example.name}" did not print ${pattern} in ${timeoutMs} ms:\n${output}`))), timeoutMs);
        const finish = (then: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          then();
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Type-checks the TypeScript examples as standalone ES modules under the strictest options an
 * integrator's project might have, and with only the syntax Node can strip (so `node example.ts`
 * runs them on Node 22.18 and later). Answers the diagnostics, one line each.
 */
export function typeCheck(examples: Example[]): string[] {
  const dir = path.join(EXAMPLES_DIR, 'typecheck');
  mkdirSync(dir, { recursive: true });
  const files = examples.map((e) => {
    const file = path.join(dir, `${e.name}.mts`);
    writeFileSync(file, e.code);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [path.resolve(__dirname, '..', '..', 'node_modules', '@types')],
    verbatimModuleSyntax: true,
    erasableSyntaxOnly: true,
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
