/**
 * Runs inside an embedded chart or card: applies URL options and tells the host page its height.
 * Options: ?theme=dark or ?theme=auto (follow the reader; the page is light without either), ?title=0.
 * Anything else is ignored.
 */
import { HEIGHT_MESSAGE, REPORT_REQUEST } from "../lib/publish/embed.ts";

const params = new URLSearchParams(location.search);
const theme = params.get("theme");
if (theme === "dark") document.documentElement.dataset.theme = theme;
else if (theme === "auto") delete document.documentElement.dataset.theme;
if (params.get("title") === "0") document.documentElement.classList.add("no-title");

const id = document.documentElement.dataset.chart ?? "";
let last = 0;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  // The height is not private, and the host's origin is not known in advance.
  window.parent.postMessage({ type: HEIGHT_MESSAGE, id, height }, "*");
}
new ResizeObserver(report).observe(document.documentElement);
// The loader may start after this page: when it asks, report again even if nothing changed.
addEventListener("message", (e) => {
  if (e.source === window.parent && (e.data as { type?: string } | null)?.type === REPORT_REQUEST) {
    last = 0;
    report();
  }
});
addEventListener("load", report);
report();
