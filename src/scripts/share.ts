/**
 * The share panel's controls: copy the link or embed code, choose embed options with a live preview,
 * and download the chart as SVG or PNG. Exports are made from the drawing on screen (the phone one on
 * a phone), with its colours written in for the chosen theme, laid out for the image's own width by
 * exportLayout: title, subtitle, chart, the data's date, sources, licence and the site's credit.
 */
import { escapeXml } from "../lib/text.ts";
import { exportLayout, type ChartBox, type ExportText } from "../lib/publish/export-layout.ts";
import { HEIGHT_MESSAGE, embedCode, embedSrc, type EmbedOptions, type EmbedTheme } from "../lib/publish/embed.ts";

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const STYLE_PROPS = [
  "fill",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "opacity",
  "fill-opacity",
  "font-weight",
  "font-size",
  "text-anchor",
  "dominant-baseline",
  "display",
  "visibility",
];

function visibleSvg(figure: Element): SVGSVGElement | null {
  return (
    [...figure.querySelectorAll<SVGSVGElement>("svg.chart")].find((s) => s.getBoundingClientRect().width > 0) ?? null
  );
}

/** Run `read` with the page's colours switched to a theme, then switch back before anything is painted. */
function inTheme<T>(theme: "light" | "dark", read: () => T): T {
  const root = document.documentElement;
  const before = root.dataset.theme;
  root.dataset.theme = theme;
  try {
    return read();
  } finally {
    if (before === undefined) delete root.dataset.theme;
    else root.dataset.theme = before;
  }
}

const canvas = document.createElement("canvas").getContext("2d")!;
function measure(text: string, size: number, bold: boolean): number {
  canvas.font = `${bold ? "700 " : ""}${size}px ${FONT}`;
  return canvas.measureText(text).width;
}

/** The drawing's box: its viewBox, grown to take in any label drawn past it (so nothing is cut off). */
function chartBox(svg: SVGSVGElement): ChartBox {
  const [x, y, w, h] = (svg.getAttribute("viewBox") ?? "0 0 800 400").split(/\s+/).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const b = svg.getBBox();
  const x0 = Math.floor(Math.min(x, b.x - 1)),
    y0 = Math.floor(Math.min(y, b.y - 1));
  const x1 = Math.ceil(Math.max(x + w, b.x + b.width + 1)),
    y1 = Math.ceil(Math.max(y + h, b.y + b.height + 1));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** A standalone SVG of the chart as shown, in the given theme. */
function exportSvg(
  svg: SVGSVGElement,
  text: ExportText,
  theme: "light" | "dark",
): { text: string; width: number; height: number } {
  return inTheme(theme, () => {
    const clone = svg.cloneNode(true) as SVGSVGElement;
    const source = [svg, ...svg.querySelectorAll("*")];
    const target = [clone, ...clone.querySelectorAll("*")];
    source.forEach((el, i) => {
      // Presentation attributes, not a style attribute: the site's CSP forbids inline styles.
      const cs = getComputedStyle(el);
      for (const p of STYLE_PROPS) target[i]!.setAttribute(p, cs.getPropertyValue(p));
      target[i]!.removeAttribute("class");
    });
    const box = chartBox(svg);
    const layout = exportLayout(text, box, { fontSize: Number(svg.getAttribute("font-size") ?? 14), measure });
    const body = getComputedStyle(document.body);
    const [bg, fg] = [body.backgroundColor, body.color];
    const muted = getComputedStyle(svg.closest("figure")?.querySelector(".chart-subtitle") ?? document.body).color;
    for (const a of ["role", "aria-labelledby", "style"]) clone.removeAttribute(a);
    clone.setAttribute("x", String(layout.chart.x));
    clone.setAttribute("y", String(layout.chart.y));
    clone.setAttribute("width", String(layout.chart.width));
    clone.setAttribute("height", String(layout.chart.height));
    clone.setAttribute("viewBox", `${box.x} ${box.y} ${box.width} ${box.height}`);
    const out = [
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" font-family="${FONT}">`,
      `<rect width="100%" height="100%" fill="${bg}"/>`,
      ...layout.lines.map(
        (l) =>
          `<text x="${l.x}" y="${l.y}" font-size="${l.size}"${l.bold ? ' font-weight="700"' : ""} fill="${l.muted ? muted : fg}">${escapeXml(l.text)}</text>`,
      ),
      new XMLSerializer().serializeToString(clone),
      "</svg>",
    ].join("\n");
    return { text: out, width: layout.width, height: layout.height };
  });
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

async function toPng(svgText: string, width: number, height: number, scale: number): Promise<Blob> {
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  await img.decode();
  const c = document.createElement("canvas");
  c.width = width * scale;
  c.height = height * scale;
  c.getContext("2d")!.drawImage(img, 0, 0, c.width, c.height);
  URL.revokeObjectURL(img.src);
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"),
  );
}

const checked = (panel: Element, name: string) =>
  panel.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? "";

for (const panel of document.querySelectorAll<HTMLDetailsElement>("details.share")) {
  const d = panel.dataset;
  const id = d.chart ?? "";
  const p = `${id}-share`;
  // Said beside the button pressed, where the reader is looking, in a live region for screen readers.
  const said = [...panel.querySelectorAll<HTMLElement>(".share-said, .share-status")];
  let near: Element | null = null;
  const say = (s: string) => {
    const region = near?.parentElement?.querySelector(".share-said") ?? panel.querySelector(".share-status");
    for (const r of said) if (r !== region) r.textContent = "";
    if (region) region.textContent = s;
  };
  const permalink = new URL(d.permalink ?? "", location.href).href;
  const textarea = panel.querySelector("textarea")!;
  const pinned = panel.querySelector<HTMLTextAreaElement>("textarea[data-pinned-path]");
  const preview = panel.querySelector<HTMLElement>(".share-preview")!;
  const fallback = Number(d.fallbackHeight);
  let frame: HTMLIFrameElement | null = null;
  panel.querySelectorAll<HTMLElement>("[hidden]:not(.share-preview)").forEach((el) => (el.hidden = false));

  const options = (): EmbedOptions => {
    const px = Number(panel.querySelector<HTMLInputElement>(`input[name="${p}-px"]`)!.value);
    return {
      theme: checked(panel, `${p}-theme`) as EmbedTheme,
      title: panel.querySelector<HTMLInputElement>(`input[name="${p}-title"]`)!.checked,
      height: checked(panel, `${p}-height`) === "fixed" && px >= 100 ? Math.round(px) : null,
    };
  };
  // The code and the preview follow the options as they change; the preview loads when the panel opens.
  const update = () => {
    const o = options();
    textarea.value = embedCode(location.origin, d.embedPath ?? "", d.title ?? "", fallback, o);
    if (pinned)
      pinned.value = embedCode(
        location.origin,
        pinned.dataset.pinnedPath ?? "",
        d.title ?? "",
        Number(pinned.dataset.height),
        o,
      );
    if (!panel.open) return;
    if (!frame) {
      frame = document.createElement("iframe");
      frame.title = `Preview: ${d.title}`;
      frame.className = "embed-preview";
      preview.append(frame);
      preview.hidden = false;
    }
    const src = embedSrc(location.origin, d.embedPath ?? "", o);
    if (frame.src !== src) frame.src = src;
    frame.style.height = `${o.height ?? (Number.parseFloat(frame.style.height) || fallback)}px`;
  };
  addEventListener("message", (e) => {
    const m = e.data as { type?: string; height?: number } | null;
    if (
      frame &&
      e.source === frame.contentWindow &&
      m?.type === HEIGHT_MESSAGE &&
      typeof m.height === "number" &&
      options().height === null
    ) {
      frame.style.height = `${Math.ceil(Math.min(m.height, 20000))}px`;
    }
  });
  panel.addEventListener("toggle", update);
  panel.addEventListener("input", update);
  update();

  panel.addEventListener("click", async (e) => {
    const button = (e.target as HTMLElement).closest("button");
    const action = button?.dataset.action;
    if (!action) return;
    near = button;
    try {
      if (action === "copy-link") await navigator.clipboard.writeText(permalink).then(() => say("Link copied."));
      if (action === "copy-pinned" && pinned)
        await navigator.clipboard.writeText(pinned.value).then(() => say("Pinned embed code copied."));
      if (action === "copy-embed")
        await navigator.clipboard.writeText(textarea.value).then(() => say("Embed code copied."));
      if (action === "svg" || action === "png") {
        const figure = document.getElementById(id);
        const svg = figure && visibleSvg(figure);
        if (!svg) return say("No chart to export.");
        const theme = checked(panel, `${p}-image-theme`) === "dark" ? "dark" : "light";
        const text: ExportText = {
          title: d.title ?? "",
          subtitle: d.subtitle ?? "",
          asOf: d.asof ?? "",
          sources: d.sources ?? "",
          licence: d.licence ?? "",
          credit: d.credit ?? "",
          url: permalink,
        };
        const out = exportSvg(svg, text, theme);
        const scale = Number(button.dataset.scale ?? 1);
        const name = `${id}-${svg.classList.contains("chart-narrow") ? "narrow" : "wide"}-${theme}`;
        if (action === "svg") download(new Blob([out.text], { type: "image/svg+xml" }), `${name}.svg`);
        else download(await toPng(out.text, out.width, out.height, scale), `${name}${scale === 2 ? "@2x" : ""}.png`);
        say(`${action.toUpperCase()} downloaded.`);
      }
    } catch (err) {
      say(`Sorry, that did not work: ${(err as Error).message}`);
    }
  });
}
