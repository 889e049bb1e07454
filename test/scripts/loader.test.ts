/**
 * The embed loader (public/embed/v1/loader.js) on a host page it does not control: run in a bare
 * JavaScript context with just the DOM it uses, so the host's markup can be made as hostile as a
 * page's can (issue 22, point 7). The browser tests check it on real embeds.
 */
import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";

const LOADER = readFileSync(new URL("../../public/embed/v1/loader.js", import.meta.url), "utf8");
const SITE = "https://site.example";

class FakeEventTarget {
  listeners: ((e: unknown) => void)[] = [];
  addEventListener(type: string, fn: (e: unknown) => void): void {
    if (type === "message") this.listeners.push(fn);
  }
}
class FakeElement {
  attrs: Record<string, string>;
  constructor(attrs: Record<string, string> = {}) {
    this.attrs = attrs;
  }
  getAttribute(name: string): string | null {
    return this.attrs[name] ?? null;
  }
}
class FakeFrame extends FakeElement {
  style = { height: "300px" };
  posted: [unknown, string][] = [];
  contentWindow = { postMessage: (m: unknown, target: string) => void this.posted.push([m, target]) };
  src: string;
  constructor(src: string, attrs: Record<string, string> = {}) {
    super(attrs);
    this.src = src;
  }
}
class FakeDocument {
  frames: FakeFrame[];
  constructor(frames: FakeFrame[]) {
    this.frames = frames;
  }
  querySelectorAll(): FakeFrame[] {
    return this.frames;
  }
}

/** A host page with these iframes, and whatever the host's markup puts on window and document. */
function host(
  frames: FakeFrame[],
  clobber: { window?: Record<string, unknown>; document?: Record<string, unknown> } = {},
) {
  const window = Object.assign(new FakeEventTarget(), clobber.window);
  const document = Object.assign(new FakeDocument(frames), clobber.document);
  const context = createContext(window);
  Object.assign(context, {
    window: context,
    document,
    location: { href: "https://news.example/article" },
    Document: FakeDocument,
    EventTarget: FakeEventTarget,
    Element: FakeElement,
    URL,
    Symbol,
  });
  runInContext(LOADER, context);
  const send = (frame: FakeFrame, origin: string, height = 812) =>
    window.listeners.forEach((l) =>
      l({ data: { type: "nhs-epr-tracker:height", height }, source: frame.contentWindow, origin }),
    );
  return { window, send };
}

/** An element a host page's markup puts where a name was expected (<div id="…">, <img name="…">). */
const element = { tagName: "DIV" };

describe("the embed loader", () => {
  it("sets the height of the embed that asked, from the embed's own origin only", () => {
    const frame = new FakeFrame(`${SITE}/embed/icb-map/`);
    const { send } = host([frame]);
    send(frame, "https://evil.example");
    expect(frame.style.height).toBe("300px");
    send(frame, SITE);
    expect(frame.style.height).toBe("812px");
    expect(frame.posted).toEqual([[{ type: "nhs-epr-tracker:report" }, SITE]]);
  });

  it("is not turned off by a host element with the id or name it once used as its guard", () => {
    const frame = new FakeFrame(`${SITE}/embed/icb-map/`);
    const { window, send } = host([frame], { window: { nhsEprEmbedLoader: element } });
    expect(window.listeners).toHaveLength(1);
    send(frame, SITE);
    expect(frame.style.height).toBe("812px");
  });

  it("works when the host's elements shadow the DOM methods it calls", () => {
    const frame = new FakeFrame(`${SITE}/embed/icb-map/`);
    const { window, send } = host([frame], {
      window: { addEventListener: element },
      document: { querySelectorAll: element },
    });
    expect(window.listeners).toHaveLength(1);
    send(frame, SITE);
    expect(frame.style.height).toBe("812px");
  });

  it("runs once however often it is included", () => {
    const frame = new FakeFrame(`${SITE}/embed/icb-map/`);
    const { window } = host([frame]);
    runInContext(LOADER, window as unknown as ReturnType<typeof createContext>);
    expect(window.listeners).toHaveLength(1);
  });

  it("sizes an embed sandboxed without allow-same-origin, whose messages come from no origin", () => {
    const sandboxed = new FakeFrame(`${SITE}/embed/icb-map/`, { sandbox: "allow-scripts allow-popups" });
    const plain = new FakeFrame(`${SITE}/embed/suppliers/`);
    const { send } = host([sandboxed, plain]);
    // It cannot be named by origin, so the request to report goes to whatever it holds; it carries nothing.
    expect(sandboxed.posted).toEqual([[{ type: "nhs-epr-tracker:report" }, "*"]]);
    send(sandboxed, "null");
    expect(sandboxed.style.height).toBe("812px");
    // An iframe that is not sandboxed has an origin, and "null" is not it.
    send(plain, "null");
    expect(plain.style.height).toBe("300px");
  });

  it("holds an iframe sandboxed with allow-same-origin to its address's origin", () => {
    const frame = new FakeFrame(`${SITE}/embed/icb-map/`, { sandbox: "allow-scripts allow-same-origin" });
    const { send } = host([frame]);
    send(frame, "null");
    expect(frame.style.height).toBe("300px");
    send(frame, SITE, 99_999);
    expect(frame.style.height).toBe("20000px");
  });
});
