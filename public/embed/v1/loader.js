/*
 * NHS EPR Tracker embed loader, version 1.
 * Include once on a page that embeds charts:
 *   <iframe src="https://SITE/embed/CHART-ID/" data-epr-embed ...></iframe>
 *   <script src="https://SITE/embed/v1/loader.js" async></script>
 * Each embed posts {type: "nhs-epr-tracker:height", id, height} to its parent; this sets the height of
 * the iframe that sent it. Messages are accepted only from an iframe marked data-epr-embed whose own
 * origin matches the message's origin. On start it asks each embed to report again
 * ({type: "nhs-epr-tracker:report"}), in case an embed loaded first. Nothing else is read or sent.
 *
 * A sandboxed iframe: one with sandbox="allow-scripts" but without allow-same-origin has no origin of
 * its own ("null"), so its messages are accepted from that very iframe alone, and the request to report
 * is sent to it without naming an origin (it carries nothing). Its embed loads the site's scripts as
 * another origin would, which the site allows (Access-Control-Allow-Origin on them); a host serving
 * the site without that header leaves such an embed at the fixed height in its code.
 *
 * The host page's own markup cannot turn this off or break it: the guard against loading twice is a
 * symbol, and the DOM methods are called from their prototypes, so an element with id or name
 * "nhsEprEmbedLoader", "addEventListener" or "querySelectorAll" changes nothing.
 */
(function () {
  var loaded = Symbol.for("nhs-epr-tracker:embed-loader:v1");
  if (window[loaded]) return;
  window[loaded] = true;
  var frames = function () {
    return Document.prototype.querySelectorAll.call(document, "iframe[data-epr-embed]");
  };
  /** A sandbox without allow-same-origin: the iframe's origin is opaque, whatever its address. */
  var opaque = function (frame) {
    var sandbox = Element.prototype.getAttribute.call(frame, "sandbox");
    return sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox);
  };
  EventTarget.prototype.addEventListener.call(window, "message", function (event) {
    var data = event.data;
    if (!data || data.type !== "nhs-epr-tracker:height" || typeof data.height !== "number" || !(data.height > 0))
      return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      var origin = opaque(frame) ? "null" : new URL(frame.src, location.href).origin;
      if (origin !== event.origin) return;
      frame.style.height = Math.ceil(Math.min(data.height, 20000)) + "px";
    }
  });
  var list = frames();
  for (var i = 0; i < list.length; i++) {
    // An opaque origin cannot be named as the target; the request itself carries nothing.
    var target = opaque(list[i]) ? "*" : new URL(list[i].src, location.href).origin;
    if (list[i].contentWindow) list[i].contentWindow.postMessage({ type: "nhs-epr-tracker:report" }, target);
  }
})();
