// Video and post cards: nothing is loaded from YouTube, X or the rest until
// the reader presses the card's button; then its player replaces the card.
// Without this script each card stays a plain link to the original.
(function () {
  "use strict";
  document.querySelectorAll("figure[data-embed]").forEach(function (figure) {
    var load = figure.querySelector(".embed-load");
    var card = figure.querySelector(".embed-card");
    if (!load || !card) return;
    load.hidden = false;
    load.querySelector("button").addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = figure.getAttribute("data-embed");
      frame.title = figure.getAttribute("data-embed-title") || "Embedded media";
      // "fullscreen" in allow is what allowfullscreen said; both at once make
      // Chromium warn in the console that allow takes precedence.
      frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.className = "embed-frame";
      card.replaceWith(frame);
      frame.focus();
    });
  });
})();
