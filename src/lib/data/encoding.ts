/**
 * Text files in, strictly: every input we read as text is UTF-8. A byte that is not UTF-8 (often a
 * file saved as Windows-1252 by a spreadsheet) or a NUL is an error naming the line and character,
 * never a silent U+FFFD that would then be published.
 */
import { DataError } from "./errors.ts";

/** Byte offset of the first byte that breaks UTF-8 (or is NUL), or -1 when the bytes are clean UTF-8. */
export function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0) return i;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the range the first of them must fall in
    // (which rules out overlong forms, surrogates and code points above U+10FFFF).
    let need: number,
      lo = 0x80,
      hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Bytes that look like Windows-1252 punctuation or £ when they appear where UTF-8 fails. */
const WINDOWS_1252_HINT = new Set([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xa3, 0xa9, 0xe9]);

/** Decode UTF-8 (a leading BOM is dropped), or throw a DataError at the first bad byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const bad = firstBadByte(bytes);
  if (bad < 0) return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  const lineStart = bad === 0 ? 0 : bytes.lastIndexOf(0x0a, bad - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, bad));
  const lineEnd = bytes.indexOf(0x0a, bad);
  const shown = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, lineEnd < 0 ? bytes.length : lineEnd));
  const byte = bytes[bad]!;
  const column = `character ${[...before].length + 1}`;
  // A NUL means a binary or a system file read by mistake: nothing of it is worth repeating.
  if (byte === 0)
    throw new DataError([{ file, line, column, expected: "text without NUL bytes (this is not a text file)" }]);
  const hint = WINDOWS_1252_HINT.has(byte) ? "; the file looks like Windows-1252: save it as UTF-8" : "";
  throw new DataError([
    {
      file,
      line,
      column,
      value: shown,
      expected: `UTF-8 text (byte 0x${byte.toString(16).padStart(2, "0")} is not UTF-8${hint})`,
    },
  ]);
}
