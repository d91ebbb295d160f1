/*
 * The explorer on explore.html: redraws the generalized logistic
 * f(x) = L / (1 + exp(-k (x - x0))) and its derivative as the sliders move.
 *
 * Plain script, no modules and no network, so the page also works offline
 * and opened from file://.  The numbers use stable formulas (not the
 * package's own, but as accurate): with e = exp(-|z|), which never overflows,
 *   sigma(z) = 1 / (1 + e) for z >= 0 and e / (1 + e) below,
 *   f'(x)    = L k e / (1 + e)^2.
 */
(function () {
  "use strict";

  var X_MIN = -8;
  var X_MAX = 8;
  var Y_MIN = 0;
  var Y_MAX = 2.1;
  var SAMPLES = 321;
  var TANGENT_HALF = 1.5;
  var WIDTH = 640;
  var HEIGHT = 360;
  var MARGIN = { left: 48, right: 16, top: 16, bottom: 40 };
  var common = window.sigmoidPlot; // plot_common.js, loaded first
  var SVG_NS = common.SVG_NS;
  var sigmoid = common.sigmoid;
  var sigmoidDerivative = common.sigmoidDerivative;
  var svgElement = common.svgElement;

  function naiveDerivative(z) {
    var s = 1 / (1 + Math.exp(-z));
    return s * (1 - s);
  }

  function format(value) {
    if (!isFinite(value)) {
      return String(value);
    }
    if (value === 0) {
      return "0";
    }
    return String(parseFloat(value.toPrecision(10)));
  }

  function px(x) {
    var width = WIDTH - MARGIN.left - MARGIN.right;
    return MARGIN.left + ((x - X_MIN) / (X_MAX - X_MIN)) * width;
  }

  function py(y) {
    var height = HEIGHT - MARGIN.top - MARGIN.bottom;
    // A value above the plot is drawn beyond its edge, where the clip path
    // (explore.md) hides it, not flattened onto the edge as if it were data;
    // the bound only keeps the SVG coordinates finite.
    var bounded = Math.min(Math.max(y, Y_MIN - 100), Y_MAX + 100);
    return MARGIN.top + (1 - (bounded - Y_MIN) / (Y_MAX - Y_MIN)) * height;
  }

  function pathFor(fn) {
    var parts = [];
    for (var i = 0; i < SAMPLES; i++) {
      var x = X_MIN + ((X_MAX - X_MIN) * i) / (SAMPLES - 1);
      parts.push((i === 0 ? "M" : "L") + px(x).toFixed(2) + " " + py(fn(x)).toFixed(2));
    }
    return parts.join(" ");
  }

  function drawGrid(group) {
    // The ends, -8 and 8, get a grid line but no number: there the numbers
    // would run into the y axis's and into the axis name.
    var xTicks = [-8, -6, -4, -2, 0, 2, 4, 6, 8];
    var yTicks = [0, 0.5, 1, 1.5, 2];
    xTicks.forEach(function (x) {
      group.appendChild(svgElement("line", {
        x1: px(x), x2: px(x), y1: py(Y_MIN), y2: py(Y_MAX),
        class: x === 0 ? "sigmoid-explorer__axis" : "",
      }));
      if (Math.abs(x) === X_MAX) { return; }
      group.appendChild(svgElement("text", {
        x: px(x), y: py(Y_MIN) + 18, "text-anchor": "middle",
      }, x < 0 ? "\u2212" + -x : String(x)));
    });
    yTicks.forEach(function (y) {
      group.appendChild(svgElement("line", {
        x1: px(X_MIN), x2: px(X_MAX), y1: py(y), y2: py(y),
        class: y === 0 ? "sigmoid-explorer__axis" : "",
      }));
      group.appendChild(svgElement("text", {
        x: px(X_MIN) - 8, y: py(y) + 4, "text-anchor": "end",
      }, String(y)));
    });
    group.appendChild(svgElement("text", {
      x: px(X_MAX), y: py(Y_MIN) + 34, "text-anchor": "end",
    }, "x"));
    var middle = (py(Y_MIN) + py(Y_MAX)) / 2;
    group.appendChild(svgElement("text", {
      x: 14, y: middle, "text-anchor": "middle",
      transform: "rotate(-90 14 " + middle + ")",
      class: "sigmoid-lab__axis-title",
    }, "f(x) and f\u2032(x)"));
  }

  function init() {
    var root = document.getElementById("sigmoid-explorer");
    if (!root) {
      return;
    }
    var byId = function (id) { return document.getElementById(id); };
    var inputs = {
      steepness: byId("explorer-steepness"),
      midpoint: byId("explorer-midpoint"),
      maximum: byId("explorer-maximum"),
      x: byId("explorer-x"),
    };
    var outputs = {
      steepness: byId("explorer-steepness-value"),
      midpoint: byId("explorer-midpoint-value"),
      maximum: byId("explorer-maximum-value"),
    };
    var curve = byId("explorer-curve");
    var derivative = byId("explorer-derivative");
    var markerLine = byId("explorer-marker-line");
    var markerCurve = byId("explorer-marker-curve");
    var markerDerivative = byId("explorer-marker-derivative");
    var tangent = byId("explorer-tangent");
    var description = byId("explorer-plot-desc");
    var readout = {
      z: byId("explorer-z"),
      value: byId("explorer-value"),
      slope: byId("explorer-slope"),
      naive: byId("explorer-naive"),
    };
    var lastX = 1;

    drawGrid(byId("explorer-grid"));
    var clip = byId("explorer-clip-rect");
    clip.setAttribute("x", px(X_MIN));
    clip.setAttribute("y", py(Y_MAX));
    clip.setAttribute("width", px(X_MAX) - px(X_MIN));
    clip.setAttribute("height", py(Y_MIN) - py(Y_MAX));

    function update() {
      var k = parseFloat(inputs.steepness.value);
      var x0 = parseFloat(inputs.midpoint.value);
      var L = parseFloat(inputs.maximum.value);
      var typed = inputs.x.value.trim() === "" ? NaN : Number(inputs.x.value);
      if (isNaN(typed)) {
        inputs.x.setAttribute("aria-invalid", "true");
      } else {
        inputs.x.removeAttribute("aria-invalid");
        lastX = typed;
      }
      var x = lastX;

      outputs.steepness.textContent = k.toFixed(1);
      outputs.midpoint.textContent = x0.toFixed(1);
      outputs.maximum.textContent = L.toFixed(1);

      curve.setAttribute("d", pathFor(function (t) {
        return L * sigmoid(k * (t - x0));
      }));
      derivative.setAttribute("d", pathFor(function (t) {
        return L * k * sigmoidDerivative(k * (t - x0));
      }));

      var z = k * (x - x0);
      var value = L * sigmoid(z);
      var slope = L * k * sigmoidDerivative(z);
      var naive = L * k * naiveDerivative(z);

      var visible = x >= X_MIN && x <= X_MAX;
      [markerLine, markerCurve, markerDerivative, tangent].forEach(function (element) {
        element.style.display = visible ? "" : "none";
      });
      if (visible) {
        markerLine.setAttribute("x1", px(x).toFixed(2));
        markerLine.setAttribute("x2", px(x).toFixed(2));
        markerLine.setAttribute("y1", py(Y_MIN).toFixed(2));
        markerLine.setAttribute("y2", py(Y_MAX).toFixed(2));
        markerCurve.setAttribute("cx", px(x).toFixed(2));
        markerCurve.setAttribute("cy", py(value).toFixed(2));
        markerDerivative.setAttribute("cx", px(x).toFixed(2));
        markerDerivative.setAttribute("cy", py(slope).toFixed(2));
        // The tangent at x, of slope f'(x): one unit of x either side.
        tangent.setAttribute("x1", px(x - TANGENT_HALF).toFixed(3));
        tangent.setAttribute("y1", py(value - slope * TANGENT_HALF).toFixed(3));
        tangent.setAttribute("x2", px(x + TANGENT_HALF).toFixed(3));
        tangent.setAttribute("y2", py(value + slope * TANGENT_HALF).toFixed(3));
      }

      readout.z.textContent = format(z);
      readout.value.textContent = format(value);
      readout.slope.textContent = format(slope);
      readout.naive.textContent = format(naive);
      description.textContent =
        "Drawn with L = " + L.toFixed(1) + ", k = " + k.toFixed(1) +
        ", x0 = " + x0.toFixed(1) + ". At x = " + format(x) +
        ", f(x) = " + format(value) + " and f\u2032(x) = " + format(slope) + ".";
    }

    Object.keys(inputs).forEach(function (name) {
      inputs[name].addEventListener("input", update);
      inputs[name].addEventListener("change", update);
    });
    byId("explorer-controls").addEventListener("submit", function (event) {
      event.preventDefault();
    });
    root.classList.add("sigmoid-explorer--ready");
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
