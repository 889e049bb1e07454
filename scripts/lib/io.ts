/** File I/O for the data scripts: careful reads, all-or-nothing writes, and a single way to fail loudly. */
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import { dirname } from "node:path";
import { gateBytes } from "../../src/lib/data/gate.ts";
import { DataError } from "../../src/lib/data/errors.ts";

/** Largest input file read, in bytes: the biggest upstream file allowed by data/upstream.json. */
export const MAX_INPUT_BYTES = 20_000_000;

/** What a path is, in words, for messages about finding the wrong kind of thing. */
export function kindOf(stat: Stats): string {
  if (stat.isFile()) return "a regular file";
  if (stat.isDirectory()) return "a directory";
  if (stat.isSymbolicLink()) return "a symbolic link";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isSocket()) return "a socket";
  return "a device";
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function errno(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/**
 * Read a regular file, at most `maxBytes` of it. Symbolic links are refused (a link to
 * /proc/self/environ would otherwise land the environment in an error message), the file is
 * opened non-blocking so a FIFO cannot hang the step, and a device such as /dev/zero is refused
 * before a byte is read. Size is counted while reading: /proc files claim to be empty.
 */
export function readBytes(path: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = errno(e);
    const expected =
      code === "ELOOP"
        ? "a regular file, not a symbolic link"
        : code === "ENOENT"
          ? "a file at this path (there is none)"
          : `a readable file (${code})`;
    throw new DataError([{ file: path, expected }]);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new DataError([{ file: path, expected: `a regular file (this is ${kindOf(stat)})` }]);
    const chunks: Buffer[] = [];
    const buffer = Buffer.allocUnsafe(1 << 16);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new DataError([{ file: path, expected: `a file of at most ${maxBytes} bytes` }]);
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError([{ file: path, expected: `a readable file (${errno(e)})` }]);
  } finally {
    closeSync(fd);
  }
}

/** A text input: a regular file of UTF-8, read as in readBytes. */
export function readText(path: string, maxBytes = MAX_INPUT_BYTES): string {
  return gateBytes(readBytes(path, maxBytes), path, maxBytes);
}

/** The file-system calls writeAllAtomically makes; tests pass failing ones to check the rollback. */
export interface WriteOps {
  writeFile(path: string, content: string | Uint8Array): void;
  rename(from: string, to: string): void;
}

const FS_OPS: WriteOps = {
  // wx: never write through a file or link that is already at the temporary name.
  writeFile: (path, content) => writeFileSync(path, content, { flag: "wx" }),
  rename: renameSync,
};

/** Keep the old file under another name, sharing its bytes when the file system allows. */
function keepCopy(path: string, copy: string): void {
  try {
    linkSync(path, copy);
  } catch {
    copyFileSync(path, copy);
  }
}

/**
 * Write every file or none. First every path is checked (a directory, link or device where an
 * output belongs is reported, never replaced) and every content is written to a temporary file
 * beside its target. Only then are the temporary files renamed into place, keeping each old file
 * until all renames have succeeded, so a failure at any point puts back every old output. Temporary
 * and kept files are always removed. Problems are DataErrors naming the path.
 */
export function writeAllAtomically(files: Record<string, string | Uint8Array>, ops: WriteOps = FS_OPS): void {
  const tag = `${process.pid}`;
  const staged: { path: string; tmp: string; old: string | null }[] = [];
  const cleanUp = () => {
    for (const s of staged) {
      rmSync(s.tmp, { force: true });
      if (s.old) rmSync(s.old, { force: true });
    }
  };
  try {
    for (const [path, content] of Object.entries(files)) {
      const existing = lstatOrNull(path);
      if (existing && !existing.isFile())
        throw new DataError([
          {
            file: path,
            expected: `a regular file or nothing at this output path (found ${kindOf(existing)}); nothing was written`,
          },
        ]);
      const tmp = `${path}.${tag}.tmp`;
      try {
        mkdirSync(dirname(path), { recursive: true });
        ops.writeFile(tmp, content);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw new DataError([{ file: path, expected: `a writable output path (${errno(e)}); nothing was written` }]);
      }
      staged.push({ path, tmp, old: existing ? `${path}.${tag}.old` : null });
    }
  } catch (e) {
    cleanUp();
    throw e;
  }

  const replaced: typeof staged = [];
  try {
    for (const s of staged) {
      if (s.old) keepCopy(s.path, s.old);
      ops.rename(s.tmp, s.path);
      replaced.push(s);
    }
  } catch (e) {
    const failed = staged[replaced.length]!;
    for (const s of replaced.reverse()) {
      if (s.old) renameSync(s.old, s.path);
      else rmSync(s.path, { force: true });
    }
    cleanUp();
    throw new DataError([
      { file: failed.path, expected: `a writable output path (${errno(e)}); every output was left as it was` },
    ]);
  }
  cleanUp();
}

/**
 * Run a script's main: a DataError prints its problems and exits 1; so does a system error (a
 * file that cannot be read or written), with its message only. Anything else is a bug and shows
 * its stack, exit 2.
 */
export async function runMain(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof DataError) {
      console.error(`Data error:\n${e.message}`);
      process.exit(1);
    }
    if (
      e instanceof Error &&
      typeof (e as NodeJS.ErrnoException).code === "string" &&
      (e as NodeJS.ErrnoException).syscall
    ) {
      console.error(`Error: ${e.message}`);
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
