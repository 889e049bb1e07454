/**
 * Reading a chart's values by mouse, touch or keyboard. Marks with `data-tip` show a tooltip on hover
 * and tap. For the keyboard, each chart frame becomes one focusable control: arrow keys step through
 * its values, which a live region reads out. (Marks inside an SVG with role="img" cannot be focusable
 * themselves.) Without this script every mark still has an SVG <title> shown on hover, and every value
 * is in the data table under the chart (for a chart in brief, on the chart's own page).
 */
const tip = document.createElement("div");
tip.className = "chart-tip";
tip.setAttribute("role", "status");
tip.hidden = true;
document.body.append(tip);

let active: Element | null = null;

function show(mark: Element) {
  active?.classList.remove("is-active");
  active = mark;
  mark.classList.add("is-active");
  tip.textContent = mark.getAttribute("data-tip");
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  const width = tip.offsetWidth;
  const left = Math.min(
    Math.max(8, box.left + box.width / 2 - width / 2),
    document.documentElement.clientWidth - width - 8,
  );
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${Math.max(window.scrollY + 4, box.top + window.scrollY - tip.offsetHeight - 8)}px`;
}
function hide() {
  active?.classList.remove("is-active");
  active = null;
  tip.hidden = true;
}

for (const frame of document.querySelectorAll<HTMLElement>(".chart-frame")) {
  const allMarks = [...frame.querySelectorAll("svg [data-tip]")];
  if (allMarks.length === 0) continue;
  for (const mark of allMarks) {
    // The styled tip replaces the browser's own title tooltip.
    mark.querySelector(":scope > title")?.remove();
    mark.addEventListener("mouseenter", () => show(mark));
    mark.addEventListener("mouseleave", hide);
    mark.addEventListener("click", () => (active === mark ? hide() : show(mark)));
  }
  // Only the drawing on screen (narrow or wide) is walked.
  const visibleMarks = () => allMarks.filter((m) => (m.closest("svg") as SVGElement).getBoundingClientRect().width > 0);
  frame.tabIndex = 0;
  frame.setAttribute("role", "group");
  frame.setAttribute("aria-label", "Chart values: use the arrow keys to read each one");
  let index = -1;
  frame.addEventListener("keydown", (e) => {
    const marks = visibleMarks();
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (e.key in step) index = (index + step[e.key]! + marks.length) % marks.length;
    else if (e.key === "Home") index = 0;
    else if (e.key === "End") index = marks.length - 1;
    else if (e.key === "Escape") return hide();
    else return;
    e.preventDefault();
    show(marks[index]!);
  });
  frame.addEventListener("blur", () => {
    hide();
    index = -1;
  });
}
document.addEventListener("keydown", (e) => e.key === "Escape" && hide());
