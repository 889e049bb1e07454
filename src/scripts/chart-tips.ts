/**
 * Tooltips for chart marks that carry `data-tip`: on hover, keyboard focus and tap. Without this
 * script the marks still have an SVG <title>, which browsers show on hover and screen readers read.
 */
const tip = document.createElement("div");
tip.className = "chart-tip";
tip.setAttribute("role", "status");
tip.hidden = true;
document.body.append(tip);

function show(mark: Element) {
  tip.textContent = mark.getAttribute("data-tip");
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  const width = tip.offsetWidth;
  const left = Math.min(Math.max(8, box.left + box.width / 2 - width / 2), document.documentElement.clientWidth - width - 8);
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${box.top + window.scrollY - tip.offsetHeight - 8}px`;
}
function hide() {
  tip.hidden = true;
}

for (const mark of document.querySelectorAll("svg [data-tip]")) {
  // The styled tip replaces the browser's own title tooltip; the text stays as the accessible name.
  const title = mark.querySelector(":scope > title");
  if (title) {
    mark.setAttribute("aria-label", title.textContent ?? "");
    title.remove();
  }
  mark.addEventListener("mouseenter", () => show(mark));
  mark.addEventListener("mouseleave", hide);
  mark.addEventListener("focus", () => show(mark));
  mark.addEventListener("blur", hide);
  mark.addEventListener("click", () => (tip.hidden ? show(mark) : hide()));
}
document.addEventListener("keydown", (e) => e.key === "Escape" && hide());
