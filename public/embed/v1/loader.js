/*
 * NHS EPR Tracker embed loader, version 1.
 * Include once on a page that embeds charts:
 *   <iframe src="https://SITE/embed/CHART-ID/" data-epr-embed ...></iframe>
 *   <script src="https://SITE/embed/v1/loader.js" async></script>
 * Each embed posts {type: "nhs-epr-tracker:height", id, height} to its parent; this sets the height of
 * the iframe that sent it. Messages are accepted only from an iframe marked data-epr-embed whose own
 * origin matches the message's origin. On start it asks each embed to report again
 * ({type: "nhs-epr-tracker:report"}), in case an embed loaded first. Nothing else is read or sent.
 */
(function () {
  if (window.nhsEprEmbedLoader) return;
  window.nhsEprEmbedLoader = "v1";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "nhs-epr-tracker:height" || typeof data.height !== "number" || !(data.height > 0))
      return;
    var frames = document.querySelectorAll("iframe[data-epr-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      frame.style.height = Math.ceil(Math.min(data.height, 20000)) + "px";
    }
  });
  var frames = document.querySelectorAll("iframe[data-epr-embed]");
  for (var i = 0; i < frames.length; i++) {
    var target = new URL(frames[i].src, location.href).origin;
    if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: "nhs-epr-tracker:report" }, target);
  }
})();
