/**
 * Runs inside an embedded chart or card: applies URL options and tells the host page its height.
 * Options: ?theme=dark or ?theme=auto (follow the reader; the page is light without either), ?title=0,
 * ?release=<date> (the embed pinned to that release; the address /embed/<date>/… works without script).
 * Anything else is ignored.
 */
import { HEIGHT_MESSAGE, REPORT_REQUEST, pinnedEmbedPath } from "../lib/publish/embed.ts";

const params = new URLSearchParams(location.search);
// ?release=<date> on a live embed opens the same embed pinned to that release, if it was kept.
const release = params.get("release");
if (release && (document.documentElement.dataset.releases ?? "").split(" ").includes(release)) {
  params.delete("release");
  const rest = params.toString();
  location.replace(pinnedEmbedPath(location.pathname, release) + (rest ? `?${rest}` : ""));
}
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
