/*
 * A display equation wider than its column scrolls sideways. Give such an
 * equation a tab stop so that keyboard users can scroll it too (axe:
 * scrollable-region-focusable), as pydata-sphinx-theme does for code blocks;
 * equations that fit get none.
 */
(function () {
  "use strict";

  function update() {
    document.querySelectorAll("div.math").forEach(function (equation) {
      if (equation.scrollWidth > equation.clientWidth) {
        equation.tabIndex = 0;
      } else {
        equation.removeAttribute("tabindex");
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  window.addEventListener("load", update);
  window.addEventListener("resize", update);
})();
