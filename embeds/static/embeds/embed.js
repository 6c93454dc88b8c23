/*
 * Agglomerations4Borderlands widget loader.
 *
 *   <script src="https://PORTAL/embed.js" data-a4b-widget="events" data-locale="cs" data-limit="5" async></script>
 *
 * Inserts an iframe after this script showing the widget from the portal this
 * script was loaded from, and resizes it to the widget's height. Only height
 * messages from that portal's origin and from this script's own iframe are
 * believed, so neither the host page nor another frame can resize it.
 * Widgets: practice, event, partner (with data-id), events, practices.
 * Other data-* attributes become the widget's query parameters
 * (data-funding-source -> funding_source).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var origin = new URL(script.src, document.baseURI).origin;
  var data = script.dataset;
  var kind = data.a4bWidget;
  var single = ["practice", "event", "partner"];
  var lists = ["events", "practices"];
  if (single.indexOf(kind) === -1 && lists.indexOf(kind) === -1) {
    console.error("A4B embed: data-a4b-widget must be one of " + single.concat(lists).join(", "));
    return;
  }
  var path = "/embed/" + encodeURIComponent(data.locale || "pl") + "/" + kind + "/";
  if (single.indexOf(kind) !== -1) {
    path += encodeURIComponent(data.id || "") + "/";
  }
  var query = new URLSearchParams();
  Object.keys(data).forEach(function (key) {
    if (["a4bWidget", "locale", "id", "title"].indexOf(key) === -1) {
      query.append(key.replace(/[A-Z]/g, function (letter) { return "_" + letter.toLowerCase(); }), data[key]);
    }
  });
  var frame = document.createElement("iframe");
  frame.src = origin + path + (query.toString() ? "?" + query.toString() : "");
  frame.title = data.title || "Agglomerations4Borderlands";
  frame.className = "a4b-widget";
  frame.setAttribute("style", "display:block;width:100%;max-width:100%;height:150px;border:0;");
  script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) {
      return;
    }
    var message = event.data;
    if (!message || message.type !== "a4b:resize") {
      return;
    }
    var height = Number(message.height);
    if (isFinite(height) && height > 0 && height <= 20000) {
      frame.style.height = Math.ceil(height) + "px";
    }
  });
})();
