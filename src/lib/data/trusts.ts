/**
 * Every trust with its place, its life and its EPR status: joined from ODS, the successor file, every
 * edition of NHS England's list and the reported events. Pure: tables in, trusts out.
 */
import { dayBefore } from "./dates.ts";
import { tidyTrustName } from "./names.ts";
import { lastOpenDay, sameSupplier, statusResolver, type TrustLife, type TrustStatus } from "./status.ts";
import type {
  EprStatusRow,
  IcbRow,
  IcbSuccessionRow,
  RegionRow,
  SuccessionRow,
  TrustEventRow,
  TrustRow,
  TrustType,
} from "./tables.ts";
import { compareCodePoints } from "../order.ts";

/** A board as a trust belongs to it, with the period it is shown for. */
export interface BoardRef {
  code: string;
  /** Short name ("Central East"), or null when no file names the board. */
  name: string | null;
  /** First day of the board, when it was created after the boards of 2022 (else null). */
  from: string | null;
  /** Last day of the board, when it has closed (else null). */
  until: string | null;
}

/** A trust's row in one edition of NHS England's list. */
export interface ListEntry {
  source_id: string;
  as_of: string;
  has_epr: boolean;
  supplier: string | null;
}

/** One trust as the site and the public download show it. */
export interface Trust {
  code: string;
  name: string;
  /** Name as NHS England's EPR list wrote it, when different from the ODS name. */
  name_in_epr_list: string | null;
  region_code: string | null;
  region_name: string | null;
  /** Where the region comes from: the trust's own ODS row, or its successor's for a care trust outside the ODS file. */
  region_basis: "ods" | "successor" | null;
  /** The board the latest ODS file gives. */
  icb: BoardRef | null;
  /** The board in force on the date of the trust's latest list entry, where it differs from `icb`. */
  icb_at_list: BoardRef | null;
  /** The board of the 2022 boards (those the hex map draws) the trust belonged to, from the ODS extract of 2025. */
  icb_2022: BoardRef | null;
  trust_type: TrustType | null;
  open_date: string | null;
  close_date: string | null;
  /** Trusts it merged into, with the day each took over. */
  merged_into: { code: string; date: string }[];
  /** Trusts it took over, with the day it took each over. */
  took_over: { code: string; date: string }[];
  /** Whether ODS's trust file lists it (care trusts with T-codes are in a file we do not have). */
  in_ods_trust_list: boolean;
  /** Its rows in every edition of NHS England's list, oldest first. */
  lists: ListEntry[];
  /** Its row in the latest edition of NHS England's list that includes it. */
  list: ListEntry | null;
  /** What the latest evidence says on the status date. */
  status_now: TrustStatus;
  /** What the evidence said on its last open day, for a trust that has closed. */
  status_at_close: TrustStatus | null;
}

export interface TrustTables {
  trusts: readonly TrustRow[];
  successions: readonly SuccessionRow[];
  eprStatus: readonly EprStatusRow[];
  trustEvents: readonly TrustEventRow[];
  icbs: readonly IcbRow[];
  icbSuccessions: readonly IcbSuccessionRow[];
  regions: readonly RegionRow[];
}

/**
 * What later evidence changed of a trust's entry in NHS England's list: its status (a go-live after
 * "no EPR"), its supplier (a go-live on another supplier's system), or nothing. A closed trust's entry
 * is history, not changed.
 */
export function changeSinceList(t: Pick<Trust, "list" | "status_now">): "status" | "supplier" | null {
  const now = t.status_now;
  if (!t.list || now.status === "closed") return null;
  if (now.status !== (t.list.has_epr ? "epr" : "no_epr")) return "status";
  return now.status === "epr" && !sameSupplier(now.supplier, t.list.supplier) ? "supplier" : null;
}

/** "NHS Central East Integrated Care Board" → "Central East", as the ONS file's short names read. */
export function shortBoardName(name: string): string {
  return name.replace(/^NHS /, "").replace(/ Integrated Care Board$/, "");
}

/** Every board with its name and period: the ONS list's boards, closed or not, and the boards created since. */
export function boardsByCode(
  icbs: readonly IcbRow[],
  successions: readonly IcbSuccessionRow[],
): Map<string, Omit<BoardRef, "code">> {
  const boards = new Map<string, Omit<BoardRef, "code">>(
    icbs.map((i) => [i.code, { name: i.short_name, from: null, until: null }]),
  );
  for (const s of successions) {
    const prev = boards.get(s.predecessor_code);
    // Only a board whose whole area went elsewhere (merger or split) closed; an acquisition leaves it open.
    if (prev && s.kind !== "acquisition") boards.set(s.predecessor_code, { ...prev, until: dayBefore(s.date) });
    if (!boards.has(s.successor_code))
      boards.set(s.successor_code, { name: shortBoardName(s.successor_name), from: s.date, until: null });
  }
  return boards;
}

/** How many boards were in force on a day: created by then (or before 2022) and not yet closed. */
export function boardsInForceOn(boards: ReadonlyMap<string, Omit<BoardRef, "code">>, day: string): number {
  return [...boards.values()].filter((b) => (b.from === null || b.from <= day) && (b.until === null || b.until >= day))
    .length;
}

const listEntry = (row: EprStatusRow): ListEntry => ({
  source_id: row.source_id,
  as_of: row.as_of,
  has_epr: row.has_epr,
  supplier: row.has_epr ? row.supplier : null,
});

export function buildTrusts(t: TrustTables, statusDate: string): Trust[] {
  const regionName = new Map(t.regions.map((r) => [r.code, r.name]));
  const boards = boardsByCode(t.icbs, t.icbSuccessions);
  const board = (code: string | null): BoardRef | null =>
    code ? { code, ...(boards.get(code) ?? { name: null, from: null, until: null }) } : null;
  const odsByCode = new Map(t.trusts.map((r) => [r.code, r]));
  // Every edition's rows, oldest first, sorted once for everything below.
  const listRows = [...t.eprStatus].sort((a, b) => compareCodePoints(a.as_of, b.as_of));
  const listsByCode = Map.groupBy(listRows, (r) => r.code);
  const eventsByCode = Map.groupBy(t.trustEvents, (e) => e.ods_code);
  const mergedInto = (code: string) =>
    t.successions
      .filter((s) => s.predecessor_code === code)
      .map((s) => ({ code: s.successor_code, date: s.effective_date }))
      .sort((a, b) => compareCodePoints(a.date, b.date) || compareCodePoints(a.code, b.code));
  const tookOver = (code: string) =>
    t.successions
      .filter((s) => s.successor_code === code)
      .map((s) => ({ code: s.predecessor_code, date: s.effective_date }))
      .sort((a, b) => compareCodePoints(a.date, b.date) || compareCodePoints(a.code, b.code));

  // Every trust in ODS since the start of 2024, plus listed care trusts that ODS's trust file lacks.
  const codes = [...new Set([...odsByCode.keys(), ...listsByCode.keys()])].sort();
  const lives = new Map<string, TrustLife>(
    codes.map((code) => {
      const ods = odsByCode.get(code);
      return [
        code,
        {
          code,
          open_date: ods?.open_date ?? null,
          close_date: ods?.close_date ?? null,
          merged_into: mergedInto(code),
          took_over: tookOver(code),
        },
      ];
    }),
  );
  const statusOf = statusResolver(
    new Map(
      codes.map((code) => [
        code,
        {
          life: lives.get(code)!,
          lists: listsByCode.get(code) ?? [],
          events: eventsByCode.get(code) ?? [],
          release: statusDate,
        },
      ]),
    ),
  );

  return codes.map((code): Trust => {
    const ods = odsByCode.get(code) ?? null;
    const life = lives.get(code)!;
    const rows = listsByCode.get(code) ?? [];
    const row = rows.at(-1) ?? null;
    const last = lastOpenDay(life);
    // A care trust outside the ODS file takes its region from its successor, and says so.
    const successor = life.merged_into.map((m) => odsByCode.get(m.code)).find(Boolean) ?? null;
    const place = ods ?? successor;
    const now = statusOf(code, statusDate);
    const predecessorTypes = [
      ...new Set(
        life.took_over
          .map((p) => listsByCode.get(p.code)?.at(-1)?.trust_type)
          .filter((x): x is TrustType => Boolean(x)),
      ),
    ];
    // The trust's own latest list entry dates "on the list's date"; a trust on no list has no such board.
    const listDay = row?.as_of ?? null;
    const latestBoard = board(ods ? ods.icb_code_2026 : null);
    const icbThen = board(ods ? ods.icb_code : null);
    // A trust that closed before its latest board existed never belonged to it: its board is the old one.
    const icbNow = latestBoard?.from && last !== null && last < latestBoard.from ? icbThen : latestBoard;
    // The board on the list's date: the old one while it was in force, the new one once it had replaced it.
    const icbOnListDay = listDay && icbThen?.until && icbThen.until < listDay ? latestBoard : icbThen;
    return {
      code,
      name: ods?.name ?? tidyTrustName(row!.name_in_source),
      name_in_epr_list:
        row && row.name_in_source.toUpperCase() !== (ods?.ods_name ?? "").toUpperCase() ? row.name_in_source : null,
      region_code: place?.region_code ?? null,
      region_name: place ? (regionName.get(place.region_code) ?? null) : null,
      region_basis: ods ? "ods" : successor ? "successor" : null,
      icb: icbNow,
      // Shown only if the trust was open on the list's date and its board then was another.
      icb_at_list:
        listDay && icbOnListDay && icbNow && icbOnListDay.code !== icbNow.code && ods!.open_date <= listDay
          ? icbOnListDay
          : null,
      icb_2022: icbThen && !icbThen.from ? icbThen : null,
      trust_type: row?.trust_type ?? (predecessorTypes.length === 1 ? predecessorTypes[0]! : null),
      open_date: life.open_date,
      close_date: life.close_date,
      merged_into: life.merged_into,
      took_over: life.took_over,
      in_ods_trust_list: ods !== null,
      lists: rows.map(listEntry),
      list: row ? listEntry(row) : null,
      status_now: now,
      status_at_close: last !== null && last < statusDate ? statusOf(code, last) : null,
    };
  });
}

/** Trusts open on a date: opened on or before it, and not yet closed (close date is the last open day). */
export function trustsOpenOn<T extends { open_date: string | null; close_date: string | null }>(
  trusts: readonly T[],
  date: string,
): T[] {
  return trusts.filter(
    (t) => t.open_date !== null && t.open_date <= date && (t.close_date === null || t.close_date >= date),
  );
}
