/**
 * The hospital finder and sortable columns on the trust table. The query and filters live in the
 * address (?q=…&region=…&status=…&supplier=…), so a filtered table can be shared. Without this
 * script the whole table is in the page, each trust with its hospitals, their postcodes and initials,
 * its towns and short names, for find in page.
 */
import { findHint, findTrusts, unpackSites, type Candidate } from "../lib/finder/search.ts";

const form = document.getElementById("trust-filters") as HTMLFormElement | null;
const table = document.getElementById("trust-table") as HTMLTableElement | null;
const FIELDS = ["q", "region", "status", "supplier"] as const;

if (form && table) {
  const body = table.tBodies[0]!;
  const rows = [...body.rows];
  const byCode = new Map(rows.map((r) => [r.dataset.code!, r]));
  const candidates: Candidate[] = rows.map((r) => ({
    code: r.dataset.code!,
    name: r.dataset.name!,
    names: r.dataset.names ?? "",
    terms: r.dataset.terms!,
    postcode: r.dataset.postcode || null,
    acute: r.dataset.acute === "1",
    sites: r.dataset.sites ? unpackSites(r.dataset.sites) : [],
  }));
  const count = document.getElementById("trust-count")!;
  const hint = document.getElementById("trust-hint")!;
  const statusDate = table.dataset.statusDate ?? "";
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  form.hidden = false;
  let sorted = false;

  // Filters from the address first, so a shared link opens as it was sent.
  const params = new URLSearchParams(location.search);
  for (const name of FIELDS) if (params.has(name)) field(name).value = params.get(name) ?? "";
  const more = document.getElementById("more-filters") as HTMLDetailsElement | null;
  if (more && FIELDS.some((f) => f !== "q" && field(f).value)) more.open = true;
  const letters = document.querySelector<HTMLElement>("nav.letters");

  const apply = () => {
    const q = field("q").value;
    const [region, status, supplier] = [field("region").value, field("status").value, field("supplier").value];
    const found = findTrusts(q, candidates);
    const order = found.codes
      .map((c) => byCode.get(c)!)
      .filter(
        (r) =>
          (!region || r.dataset.region === region) &&
          (!status || r.dataset.status === status) &&
          (!supplier || r.dataset.supplier === supplier),
      );
    const shown = new Set(order);
    for (const r of rows) r.hidden = !shown.has(r);
    // Best match first while a query is typed, unless the reader has sorted by a column.
    if (q.trim() && !sorted) body.append(...order, ...rows.filter((r) => !shown.has(r)));
    else if (!sorted) body.append(...rows);
    // Jumping by letter only makes sense in the whole list.
    if (letters) letters.hidden = order.length !== rows.length;
    const text = findHint(q, found);
    hint.textContent = text ?? "";
    hint.hidden = !text;
    const epr = order.filter((r) => r.dataset.status === "epr").length;
    const none = order.filter((r) => r.dataset.status === "no_epr").length;
    count.textContent =
      order.length === rows.length
        ? `Showing all ${rows.length} trusts.`
        : `${order.length === 1 ? "1 trust matches" : `${order.length} trusts match`}${order.length ? `: on ${statusDate}, ${epr} with an EPR, ${none} with none reported${order.length - epr - none ? `, ${order.length - epr - none} not known or closed` : ""}` : ""}.`;
    const next = new URLSearchParams();
    for (const name of FIELDS) if (field(name).value) next.set(name, field(name).value);
    const url = `${location.pathname}${next.size ? `?${next}` : ""}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, "", url);
  };
  form.addEventListener("input", apply);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply();
    body.rows[0]?.scrollIntoView?.({ block: "nearest" });
  });
  // Reset clears the fields after this event, so apply on the next tick.
  form.addEventListener("reset", () => setTimeout(apply));
  apply();

  // Sorting: each header becomes a button; aria-sort tells screen readers the order.
  const headers = [...table.tHead!.rows[0]!.cells];
  headers.forEach((th, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.append(button);
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      sorted = true;
      const key = (r: HTMLTableRowElement) => r.cells[index]!.dataset.value ?? r.cells[index]!.textContent!.trim();
      body.append(
        ...[...body.rows].sort(
          (a, b) => key(a).localeCompare(key(b), "en-GB", { numeric: true }) * (ascending ? 1 : -1),
        ),
      );
    });
  });
}
