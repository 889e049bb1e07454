/**
 * The share panel's buttons: copy the link or embed code, and download the chart as SVG or PNG.
 * Exports are made from the SVG on screen, with its colours written in, the title above and the
 * source and licence below, so a downloaded image carries its attribution.
 */
import { escapeXml, wrapWords } from "../lib/text.ts";

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const STYLE_PROPS = ["fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "fill-opacity", "font-weight", "font-size", "text-anchor", "dominant-baseline", "display", "visibility"];

function visibleSvg(figure: Element): SVGSVGElement | null {
  return [...figure.querySelectorAll<SVGSVGElement>("svg.chart")].find((s) => s.getBoundingClientRect().width > 0) ?? null;
}

/** A standalone SVG: computed styles written onto each element, title and attribution added. */
function exportSvg(svg: SVGSVGElement, title: string, citation: string, url: string): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll("*")];
  const target = [clone, ...clone.querySelectorAll("*")];
  source.forEach((el, i) => {
    // Presentation attributes, not a style attribute: the site's CSP forbids inline styles.
    const cs = getComputedStyle(el);
    for (const p of STYLE_PROPS) target[i]!.setAttribute(p, cs.getPropertyValue(p));
    target[i]!.removeAttribute("class");
  });
  const [, , w, h] = (svg.getAttribute("viewBox") ?? "0 0 800 400").split(/\s+/).map(Number) as [number, number, number, number];
  const fs = Number(svg.getAttribute("font-size") ?? 14);
  const bg = getComputedStyle(document.body).backgroundColor;
  const fg = getComputedStyle(document.body).color;
  const titleLines = wrapWords(title, Math.floor(w / (fs * 0.62)));
  const footLines = [...wrapWords(citation, Math.floor(w / (fs * 0.5))), url];
  const top = Math.round(fs * 1.4 * titleLines.length + fs);
  const bottom = Math.round(fs * 1.2 * footLines.length + fs);
  clone.setAttribute("x", "0");
  clone.setAttribute("y", String(top));
  clone.setAttribute("width", String(w));
  clone.setAttribute("height", String(h));
  clone.removeAttribute("role");
  const height = top + h + bottom;
  const text = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${height}" width="${w}" height="${height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="${bg}"/>`,
    ...titleLines.map((l, i) => `<text x="0" y="${Math.round(fs * 1.2 + i * fs * 1.4)}" font-size="${Math.round(fs * 1.15)}" font-weight="700" fill="${fg}">${escapeXml(l)}</text>`),
    new XMLSerializer().serializeToString(clone),
    ...footLines.map((l, i) => `<text x="0" y="${top + h + Math.round(fs * 1.2 * (i + 1))}" font-size="${Math.round(fs * 0.85)}" fill="${fg}">${escapeXml(l)}</text>`),
    "</svg>",
  ].join("\n");
  return { text, width: w, height };
}

function download(blob: Blob, name: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function toPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  canvas.getContext("2d")!.drawImage(img, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(img.src);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"));
}

for (const panel of document.querySelectorAll<HTMLElement>("details.share")) {
  const status = panel.querySelector(".share-status")!;
  const say = (s: string) => (status.textContent = s);
  const permalink = new URL(panel.dataset.permalink ?? "", location.href).href;
  const textarea = panel.querySelector("textarea")!;
  // Built without a known address, the embed code has root-relative URLs: make them absolute here.
  textarea.value = textarea.value.replace(/(src=")\//g, `$1${location.origin}/`);
  panel.querySelectorAll<HTMLButtonElement>("button[data-action]").forEach((b) => (b.hidden = false));
  const figure = document.getElementById(panel.dataset.chart ?? "");
  const title = panel.dataset.title ?? "";
  const citation = panel.dataset.citation ?? "";
  panel.addEventListener("click", async (e) => {
    const action = (e.target as HTMLElement).closest("button")?.dataset.action;
    if (!action) return;
    try {
      if (action === "copy-link") await navigator.clipboard.writeText(permalink).then(() => say("Link copied."));
      if (action === "copy-embed") await navigator.clipboard.writeText(textarea.value).then(() => say("Embed code copied."));
      if (action === "svg" || action === "png") {
        const svg = figure && visibleSvg(figure);
        if (!svg) return say("No chart to export.");
        const out = exportSvg(svg, title, citation, permalink);
        if (action === "svg") download(new Blob([out.text], { type: "image/svg+xml" }), `${panel.dataset.chart}.svg`);
        else download(await toPng(out.text, out.width, out.height), `${panel.dataset.chart}.png`);
        say(`${action.toUpperCase()} downloaded.`);
      }
    } catch (err) {
      say(`Sorry, that did not work: ${(err as Error).message}`);
    }
  });
}
