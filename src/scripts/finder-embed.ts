/**
 * The embedded finder: the same search as /trusts/ (findTrusts and findHint on the same candidates),
 * answering with the best match's card. ?q= in the embed's address fills the box, so a story can
 * open it on its own hospital.
 */
import { findHint, findTrusts } from "../lib/finder/search.ts";
import { unpackFinder, type AnswerCard } from "../lib/finder/embed-data.ts";

const form = document.getElementById("finder-form") as HTMLFormElement | null;
const data = document.getElementById("finder-data");

if (form && data) {
  const { candidates, cards } = unpackFinder(data.textContent ?? "[]");
  const input = form.elements.namedItem("q") as HTMLInputElement;
  const hint = document.getElementById("finder-hint")!;
  const card = document.getElementById("finder-card")!;
  const more = document.getElementById("finder-more")!;
  const trustPath = form.dataset.trustPath ?? "/trusts/";
  const field = (name: string) => card.querySelector<HTMLElement>(`[data-f="${name}"]`)!;

  const fill = (a: AnswerCard) => {
    field("name").textContent = a.name;
    field("status").textContent = a.status;
    field("status").className = a.statusClass;
    field("date").textContent = a.statusDate;
    field("sentence").textContent = a.sentence;
    field("source-line").hidden = !a.source;
    if (a.source) {
      const source = field("source") as HTMLAnchorElement;
      source.textContent = a.source.title;
      source.href = a.source.url;
      field("source-date").textContent = a.source.rest;
    }
    (field("record") as HTMLAnchorElement).href = `${trustPath}${a.code}/`;
  };

  const show = () => {
    const q = input.value;
    const found = findTrusts(q, candidates);
    const text = findHint(q, found);
    hint.textContent = text ?? "";
    hint.hidden = !text;
    // "hospital" alone, or nothing typed, names no trust: no answer rather than the first of all.
    const answer = found.kind === "empty" || found.kind === "generic" ? undefined : cards.get(found.codes[0] ?? "");
    card.hidden = !answer;
    // Filled only when the answer changes, so a screen reader hears each answer once.
    if (answer && answer.code !== card.dataset.code) fill(answer);
    card.dataset.code = answer?.code ?? "";
    // Which hospital it was found by, unless the hint already says.
    const site = answer && found.site && !text?.includes(found.site.label) ? found.site.label : "";
    field("site").textContent = site && `Found by its hospital or site: ${site}`;
    field("site").hidden = !site;
    const others = answer ? found.codes.length - 1 : 0;
    more.hidden = others === 0;
    more.querySelector("span")!.textContent = `${others} more ${others === 1 ? "trust matches" : "trusts match"}.`;
    more.querySelector("a")!.href = `${trustPath}?q=${encodeURIComponent(q.trim())}`;
  };

  const preset = new URLSearchParams(location.search).get("q");
  if (preset) input.value = preset;
  form.addEventListener("input", show);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    show();
  });
  show();
}
