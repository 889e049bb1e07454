/**
 * The not-found page, served for any missing address: when the address was a trust's page
 * (/trusts/<code>/), say that code is not a trust we list and search the list for it.
 */
import { pagePath, sitePath } from "../lib/publish/paths.ts";

const code = /^\/trusts\/([^/?#]{1,40})\/?$/.exec(pagePath(location.pathname))?.[1];
const box = document.getElementById("not-found-trust");
if (code && box) {
  let text = code;
  try {
    text = decodeURIComponent(code);
  } catch {
    // A malformed escape is shown as it was typed.
  }
  box.querySelector("code")!.textContent = text;
  box.querySelector("a")!.href = sitePath(`/trusts/?q=${encodeURIComponent(text)}`);
  box.hidden = false;
  // "/trusts/rm1/" is most likely a trust's page typed in small letters.
  const upper = text.toUpperCase();
  const cased = document.getElementById("not-found-case");
  if (upper !== text && cased) {
    const a = cased.querySelector("a")!;
    a.href = a.textContent = sitePath(`/trusts/${encodeURIComponent(upper)}/`);
    cased.hidden = false;
  }
  document.getElementById("not-found-title")!.textContent = "Trust not found";
  document.title = `Trust not found · NHS EPR Tracker`;
}
