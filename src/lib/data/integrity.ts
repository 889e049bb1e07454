/**
 * Checks across rows that the per-cell schemas cannot make: mergers that repeat, loop or go round in
 * a circle, trusts that close before they open, and ICB hexes off the map or on top of each other.
 * Pure: parsed tables in, problems out, each with the file and line of the row at fault.
 */
import type { Problem } from "./errors.ts";
import { lineOf } from "./schema.ts";
import type { IcbRow, SuccessionRow, TrustRow } from "./tables.ts";
import { compareCodePoints } from "../order.ts";

/** Furthest a hex may sit from the origin in either direction: England's ICBs span about a dozen. */
export const MAX_HEX_OFFSET = 50;

export interface IntegrityInput {
  trusts: TrustRow[];
  successions: SuccessionRow[];
  icbs: IcbRow[];
}

/** Where each table was read from, for the problems' file names. */
export interface IntegrityFiles {
  trusts: string;
  successions: string;
  icbs: string;
}

export function checkSuccessions(rows: SuccessionRow[], file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (r: SuccessionRow, column: string, value: string, expected: string): Problem => ({
    file,
    line: lineOf(r),
    column,
    value,
    expected,
  });
  const seen = new Map<string, SuccessionRow>();
  for (const r of rows) {
    if (r.predecessor_code === r.successor_code) {
      problems.push(at(r, "successor_code", r.successor_code, "a successor other than the predecessor itself"));
      continue;
    }
    const key = `${r.predecessor_code}>${r.successor_code}`;
    const first = seen.get(key);
    if (first)
      problems.push(
        at(
          r,
          "successor_code",
          `${r.predecessor_code} → ${r.successor_code}`,
          `each merger once (already on line ${lineOf(first) ?? "?"})`,
        ),
      );
    else seen.set(key, r);
  }
  // A cycle (A became B, B became A) would make a trust its own ancestor.
  const next = new Map<string, SuccessionRow[]>();
  for (const r of seen.values()) next.set(r.predecessor_code, [...(next.get(r.predecessor_code) ?? []), r]);
  const state = new Map<string, "open" | "done">();
  const reported = new Set<SuccessionRow>();
  const visit = (code: string, path: SuccessionRow[]): void => {
    state.set(code, "open");
    for (const edge of next.get(code) ?? []) {
      const s = state.get(edge.successor_code);
      if (s === "open") {
        const start = path.findIndex((p) => p.predecessor_code === edge.successor_code);
        const loop = [...path.slice(start < 0 ? path.length : start), edge];
        if (!loop.some((e) => reported.has(e))) {
          loop.forEach((e) => reported.add(e));
          const codes = [...loop.map((e) => e.predecessor_code), edge.successor_code].join(" → ");
          problems.push(
            at(
              edge,
              "successor_code",
              codes,
              "mergers that never lead back to a trust that merged earlier in the chain",
            ),
          );
        }
      } else if (s === undefined) visit(edge.successor_code, [...path, edge]);
    }
    state.set(code, "done");
  };
  for (const code of [...next.keys()].sort(compareCodePoints)) if (!state.has(code)) visit(code, []);
  return problems;
}

export function checkTrustDates(rows: TrustRow[], file: string): Problem[] {
  return rows
    .filter((t) => t.close_date !== null && t.close_date < t.open_date)
    .map((t) => ({
      file,
      line: lineOf(t),
      column: "close_date",
      value: t.close_date!,
      expected: `a close date on or after the open date ${t.open_date} (trust ${t.code})`,
    }));
}

export function checkHexes(rows: IcbRow[], file: string): Problem[] {
  const problems: Problem[] = [];
  const taken = new Map<string, IcbRow>();
  for (const i of rows) {
    for (const column of ["hex_q", "hex_r"] as const) {
      if (Math.abs(i[column]) > MAX_HEX_OFFSET)
        problems.push({
          file,
          line: lineOf(i),
          column,
          value: String(i[column]),
          expected: `a hex position from -${MAX_HEX_OFFSET} to ${MAX_HEX_OFFSET}`,
        });
    }
    const key = `${i.hex_q},${i.hex_r}`;
    const first = taken.get(key);
    if (first)
      problems.push({
        file,
        line: lineOf(i),
        column: "hex_q",
        value: key,
        expected: `a hex no other ICB has (${first.code} is there, line ${lineOf(first) ?? "?"})`,
      });
    else taken.set(key, i);
  }
  return problems;
}

export function checkIntegrity(input: IntegrityInput, files: IntegrityFiles): Problem[] {
  return [
    ...checkTrustDates(input.trusts, files.trusts),
    ...checkSuccessions(input.successions, files.successions),
    ...checkHexes(input.icbs, files.icbs),
  ];
}
