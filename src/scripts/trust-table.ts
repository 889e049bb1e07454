/**
 * Progressive enhancement for the trust table: filters and sortable columns. Without this script the
 * full table is still in the page.
 */
const form = document.getElementById("trust-filters") as HTMLFormElement | null;
const table = document.getElementById("trust-table") as HTMLTableElement | null;

if (form && table) {
  const body = table.tBodies[0]!;
  const rows = [...body.rows];
  const count = document.getElementById("trust-count")!;
  form.hidden = false;

  const apply = () => {
    const data = new FormData(form);
    const text = String(data.get("text") ?? "").trim().toLowerCase();
    const region = String(data.get("region") ?? "");
    const status = String(data.get("status") ?? "");
    const supplier = String(data.get("supplier") ?? "");
    let shown = 0;
    for (const row of rows) {
      const match =
        (!text || row.cells[0]!.textContent!.toLowerCase().includes(text) || row.cells[1]!.textContent!.toLowerCase().includes(text)) &&
        (!region || row.dataset.region === region) &&
        (!status || row.dataset.status === status) &&
        (!supplier || row.dataset.supplier === supplier);
      row.hidden = !match;
      if (match) shown++;
    }
    count.textContent = `Showing ${shown} of ${rows.length} trusts`;
  };
  form.addEventListener("input", apply);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply();
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
      const key = (r: HTMLTableRowElement) => r.cells[index]!.dataset.value ?? r.cells[index]!.textContent!.trim();
      rows.sort((a, b) => key(a).localeCompare(key(b), "en-GB", { numeric: true }) * (ascending ? 1 : -1));
      body.append(...rows);
    });
  });
}
