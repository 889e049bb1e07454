/**
 * The release the rehearsal performs, worked out from the copy's own data: which trusts ODS renames,
 * merges and adds, which the emailed edition of NHS England's list changes, and the rows a maintainer
 * adds by hand. Pure: text in, text out, so each rule is tested on small tables.
 *
 * Trusts are chosen by rules rather than named, so that the rehearsal still works after a refresh has
 * changed who is listed how.
 */
import { parseCsv, toCsv } from "../../src/lib/data/csv.ts";
import { dayAfter, dayBefore } from "../../src/lib/data/dates.ts";
import { toJson } from "../../src/lib/data/json.ts";
import { compareCodePoints } from "../../src/lib/order.ts";
import { TRUST_TYPES } from "../import/nhse-epr-suppliers.ts";

export interface Scenario {
  release_date: string;
  parliament: {
    members: Record<string, string>;
    expandable: number[];
    page_size: number;
    retry_after_seconds: number;
  };
  ods: { change_date: string; new_trust: { code: string; ods_name: string } };
  edition: { file: string; sheet: string; as_of: string; received: string; source: SourceEntry };
  figure: { answer_id: number; statement: Record<string, string>; quote: string; source: SourceEntry };
}

export type SourceEntry = Record<string, unknown> & { id: string };

/** The release the fixtures' dates were written after: later releases move every date along with them. */
export const SCENARIO_WRITTEN_AFTER = "2026-11-25";

/**
 * The fixtures' dates moved on by a number of days, so that the rehearsed release always comes after
 * the copy's own (a real release after the fixtures were written must not make the rehearsal fail).
 * Days (with or without a time) move by the days; a month-only date moves with its middle day.
 */
export function shiftDates<T>(value: T, days: number): T {
  if (days <= 0) return value;
  const move = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const text = JSON.stringify(value)
    .replace(/"(\d{4}-\d{2}-\d{2})(T[\d:.]+Z?)?"/g, (_m, day: string, time = "") => `"${move(day)}${time}"`)
    .replace(/"(\d{4}-\d{2})"/g, (_m, month: string) => `"${move(`${month}-15`).slice(0, 7)}"`);
  return JSON.parse(text) as T;
}

/** A CSV file as records keyed by its header. */
export function records(text: string, file: string): Record<string, string>[] {
  const { header, rows } = parseCsv(text, file);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ""])));
}

/** What the rehearsal needs of a trust's status in site-data.json. */
export interface TrustStatus {
  code: string;
  name: string;
  status_now: { status: string; basis: string; supplier: string | null };
}

export interface Picks {
  rename: { code: string; from: string; to: string };
  merger: { code: string; into: string; date: string };
  newTrust: { code: string; ods_name: string; region_code: string; icb_code_2026: string; postcode: string };
  /** Listed "No EPR" with nothing reported since; the new edition gives them a supplier. */
  gains: { code: string; supplier: string }[];
  supplierRename: { from: string; to: string };
  /** Reported live since the last edition, yet still "No EPR" in the new one. */
  stillNoEpr: string;
  /** The other trusts reported live since the last edition: the new edition lists their reported supplier. */
  caughtUp: { code: string; supplier: string }[];
}

/** The rows of the newest edition in epr-status.csv. */
export function latestEdition(status: Record<string, string>[]): Record<string, string>[] {
  const asOf = status.reduce((m, r) => (r.as_of! > m ? r.as_of! : m), "");
  return status.filter((r) => r.as_of === asOf);
}

/** A supplier's name as a company might rename itself: Ltd and Limited swapped, else a suffix. */
export function renamedSupplier(name: string): string {
  if (/\bLtd\.?$/.test(name)) return name.replace(/\bLtd\.?$/, "Limited");
  if (/\bLimited$/.test(name)) return name.replace(/\bLimited$/, "Ltd");
  return `${name} UK`;
}

function fail(what: string): never {
  throw new Error(`the copy's data has no ${what}, which the rehearsal needs`);
}

export function pickScenario(
  trusts: Record<string, string>[],
  status: Record<string, string>[],
  site: readonly TrustStatus[],
  scenario: Pick<Scenario, "ods">,
): Picks {
  const byCode = new Map(site.map((t) => [t.code, t]));
  const edition = latestEdition(status);
  const listed = new Map(edition.map((r) => [r.code!, r]));
  const open = trusts.filter((t) => t.close_date === "").sort((a, b) => compareCodePoints(a.code!, b.code!));
  const used = new Set<string>();
  const take = (code: string) => (used.add(code), code);

  const stillNoEpr = open.find((t) => byCode.get(t.code!)?.status_now.basis === "go_live" && listed.has(t.code!));
  if (!stillNoEpr) fail("listed trust with a go-live reported since the list");
  take(stillNoEpr.code!);

  const counts = new Map<string, number>();
  for (const r of edition) if (r.supplier) counts.set(r.supplier, (counts.get(r.supplier) ?? 0) + 1);
  const bySize = [...counts].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
  const common = bySize[0]?.[0] ?? fail("supplier in the latest edition");
  const gains = open
    .filter((t) => listed.get(t.code!)?.has_epr === "no" && byCode.get(t.code!)?.status_now.basis === "list")
    .slice(0, 2)
    .map((t) => ({ code: take(t.code!), supplier: common }));
  if (gains.length < 2) fail("two trusts listed without an EPR and nothing reported since");

  // The smallest supplier with more than one trust, so the rename is several rows that should read as one change.
  const small =
    bySize.filter(([s, n]) => n >= 2 && s !== common).at(-1)?.[0] ?? fail("second supplier with two trusts");
  const supplierRename = { from: small, to: renamedSupplier(small) };

  const plain = (t: Record<string, string>) => !used.has(t.code!) && byCode.get(t.code!)?.status_now.basis === "list";
  const rename = open.find((t) => plain(t) && / NHS TRUST$/.test(t.ods_name!) && !/FOUNDATION/.test(t.ods_name!));
  if (!rename) fail('open trust whose ODS name ends "NHS TRUST"');
  take(rename.code!);

  const predecessor = open.find(
    (t) => plain(t) && open.some((o) => o.code !== t.code && plain(o) && o.icb_code_2026 === t.icb_code_2026),
  );
  if (!predecessor) fail("two open trusts in one board to merge");
  const successor = open.find(
    (o) => o.code !== predecessor.code && plain(o) && o.icb_code_2026 === predecessor.icb_code_2026,
  )!;
  take(predecessor.code!);
  take(successor.code!);

  const caughtUp = open
    .filter((t) => t.code !== stillNoEpr.code && listed.has(t.code!))
    .map((t) => byCode.get(t.code!))
    .filter((t) => t?.status_now.basis === "go_live" && t.status_now.supplier)
    .map((t) => ({ code: t!.code, supplier: t!.status_now.supplier! }));

  const code = scenario.ods.new_trust.code;
  if (trusts.some((t) => t.code === code)) fail(`free code for the new trust (${code} is taken)`);
  return {
    rename: {
      code: rename.code!,
      from: rename.ods_name!,
      to: rename.ods_name!.replace(/ NHS TRUST$/, " NHS FOUNDATION TRUST"),
    },
    merger: { code: predecessor.code!, into: successor.code!, date: scenario.ods.change_date },
    newTrust: {
      code,
      ods_name: scenario.ods.new_trust.ods_name,
      region_code: successor.region_code!,
      icb_code_2026: successor.icb_code_2026!,
      postcode: successor.postcode!,
    },
    gains,
    supplierRename,
    stillNoEpr: stillNoEpr.code!,
    caughtUp,
  };
}

const ymd = (iso: string) => iso.replaceAll("-", "");
const quoted = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(",");

/** One etr row: 27 quoted fields, as ODS sends them (code, name, region, board, …, postcode, open, close). */
function etrRow(t: {
  code: string;
  ods_name: string;
  region_code: string;
  icb_code_2026: string;
  postcode: string;
  open: string;
  close: string;
}): string {
  const cells = Array<string>(27).fill("");
  cells[0] = t.code;
  cells[1] = t.ods_name;
  cells[2] = t.region_code;
  cells[3] = t.icb_code_2026;
  cells[9] = t.postcode;
  cells[10] = ymd(t.open);
  cells[11] = t.close ? ymd(t.close) : "";
  return quoted(cells);
}

/**
 * The ODS etr report of the trusts in trusts.csv; with picks, as it stands after them: one trust renamed,
 * one closed by its merger, one new trust open from `changeDate`. The real report also lists trusts closed
 * long ago: those the committed sites.csv names as closed are added, without a region (so no trust list
 * keeps them) and opened on their last day, since the copy does not know when they opened.
 */
export function etrReport(
  trusts: Record<string, string>[],
  changes?: { picks: Picks; changeDate: string },
  sites: Record<string, string>[] = [],
): string {
  const picks = changes?.picks;
  const rows = trusts.map((t) =>
    etrRow({
      code: t.code!,
      ods_name: t.code === picks?.rename.code ? picks!.rename.to : t.ods_name!,
      region_code: t.region_code!,
      icb_code_2026: t.icb_code_2026!,
      postcode: t.postcode!,
      open: t.open_date!,
      close: t.code === picks?.merger.code ? dayBefore(picks!.merger.date) : t.close_date!,
    }),
  );
  if (changes) rows.push(etrRow({ ...changes.picks.newTrust, open: changes.changeDate, close: "" }));
  const known = new Set(trusts.map((t) => t.code));
  for (const s of sites) {
    const code = s.listed_trust_code!;
    if (!s.listed_trust_closed || known.has(code) || /^T/.test(code)) continue;
    known.add(code);
    const closed = { ods_name: s.listed_trust_name!.toUpperCase(), region_code: "", icb_code_2026: "", postcode: "" };
    rows.push(etrRow({ code, ...closed, open: s.listed_trust_closed, close: s.listed_trust_closed }));
  }
  return rows.sort().join("\n") + "\n";
}

/**
 * The ODS succ report (predecessor, successor, a blank, the effective date, an indicator); with picks, the
 * merger added. successions.csv keeps only recent trust mergers, but the real report holds every one:
 * the older ones the committed sites.csv followed (a closed trust to the trust that runs its site now, or
 * to each trust it split into) are added, dated the day after the closed trust's last day.
 */
export function succReport(
  successions: Record<string, string>[],
  picks?: Picks,
  sites: Record<string, string>[] = [],
): string {
  const older = sites.flatMap((s) =>
    !s.listed_trust_closed
      ? []
      : s.basis === "successor" && s.trust_code
        ? [[s.listed_trust_code!, s.trust_code, dayAfter(s.listed_trust_closed)]]
        : s.basis === "split"
          ? s.successor_codes!.split(";").map((to) => [s.listed_trust_code!, to, dayAfter(s.listed_trust_closed!)])
          : [],
  );
  const rows = [
    ...successions.map((s) => [s.predecessor_code!, s.successor_code!, s.effective_date!]),
    ...older,
    ...(picks ? [[picks.merger.code, picks.merger.into, picks.merger.date]] : []),
  ].map(([from, to, date]) => quoted([from!, to!, "", ymd(date!), "0"]));
  return [...new Set(rows)].sort().join("\n") + "\n";
}

const TYPE_LABELS = new Map(Object.entries(TRUST_TYPES).map(([label, id]) => [id as string, label]));

/**
 * The new edition's rows (header first), as NHS England's workbook lays them out: the latest edition,
 * with two trusts gaining a supplier, the trusts reported live since listed with their supplier but for
 * one still listed "No EPR", and one supplier renamed everywhere.
 */
export function editionRows(status: Record<string, string>[], picks: Picks): string[][] {
  const gains = new Map([...picks.gains, ...picks.caughtUp].map((g) => [g.code, g.supplier]));
  const rows = latestEdition(status).map((r) => {
    let supplier = r.has_epr === "yes" ? r.supplier! : "No EPR";
    if (gains.has(r.code!)) supplier = gains.get(r.code!)!;
    if (supplier === picks.supplierRename.from) supplier = picks.supplierRename.to;
    if (r.code === picks.stillNoEpr) supplier = "No EPR";
    const type = TYPE_LABELS.get(r.trust_type!) ?? r.trust_type!;
    return [r.code!, r.name_in_source!, type, supplier];
  });
  return [["Organisation Code", "Organisation", "Trust Type (Primary)", "Supplier (Primary EPR)"], ...rows];
}

/**
 * sources.json with one more entry, sorted by id. The entry takes the fields an existing entry of its type
 * has (missing ones null), so it follows the file's own schema rather than the fixture's.
 */
export function withSource(text: string, entry: SourceEntry): string {
  const sources = JSON.parse(text) as SourceEntry[];
  const model = sources.find((s) => s.type === entry.type) ?? sources[0]!;
  const shaped = Object.fromEntries(Object.keys(model).map((k) => [k, entry[k] ?? null])) as SourceEntry;
  return toJson([...sources.filter((s) => s.id !== entry.id), shaped].sort((a, b) => compareCodePoints(a.id, b.id)));
}

/** A CSV with one more row, keyed by the header; rows sorted by their first column, as data/README.md says. */
export function withRow(text: string, file: string, row: Record<string, string>): string {
  const { header } = parseCsv(text, file);
  const rows = [...records(text, file), row].sort((a, b) => compareCodePoints(a[header[0]!]!, b[header[0]!]!));
  return toCsv(header, rows);
}

/** The next free id after the largest of a prefix (S051 after S050). */
export function nextId(rows: Record<string, string>[], prefix: string): string {
  const max = Math.max(
    0,
    ...rows
      .map((r) => r.id!)
      .filter((id) => id.startsWith(prefix))
      .map((id) => Number(id.slice(prefix.length))),
  );
  return `${prefix}${String(max + 1).padStart(3, "0")}`;
}
