/** File I/O for the data scripts: atomic writes, and a single way to fail loudly. */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { DataError } from "../../src/lib/data/errors.ts";

export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new DataError([{ file: path, expected: `a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
  }
}

export function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new DataError([{ file: path, expected: `a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
  }
}

/**
 * Write every file or none: all contents are staged to temporary files first, then renamed into
 * place, so a failure while preparing output never leaves a half-written set.
 */
export function writeAllAtomically(files: Record<string, string>): void {
  const staged: [string, string][] = [];
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, content);
      staged.push([tmp, path]);
    }
  } catch (e) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    throw e;
  }
  for (const [tmp, path] of staged) renameSync(tmp, path);
}

/** Run a script's main: a DataError prints its problems and exits 1; anything else is a crash. */
export async function runMain(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof DataError) {
      console.error(`Data error:\n${e.message}`);
      process.exit(1);
    }
    console.error(e);
    process.exit(2);
  }
}

/** `--name value` from argv, or the fallback. */
export function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
