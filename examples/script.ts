import { pathToFileURL } from 'node:url';

/** Runs `main` when the file is the program node was started with, not when a test imports it. */
export function runAsScript(moduleUrl: string, main: () => Promise<{ stop(): Promise<void> }>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  // A missing variable throws before main's promise exists: the same exit either way.
  Promise.resolve()
    .then(main)
    .then(
      (running) => {
        const stop = () =>
          void running.stop().then(
            () => process.exit(0),
            (err: unknown) => {
              console.error(err);
              process.exit(1);
            },
          );
        process.once('SIGINT', stop).once('SIGTERM', stop);
      },
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
}

/** An environment variable the script cannot do without. */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}
