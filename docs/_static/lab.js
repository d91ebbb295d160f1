/*
 * The gradient-through-depth lab and the activation comparison on
 * explore.html.  Plain script, no modules and no network, so the page also
 * works offline and opened from file://.
 *
 * The network and batch come from xorshift32, written identically in the
 * Python reference tests/lab_reference.py, which the browser test compares
 * with the numbers this page computes (window.sigmoidLab.last).
 */
(function () {
  "use strict";

  var common = window.sigmoidPlot; // plot_common.js, loaded first
  var SVG_NS = common.SVG_NS;
  var sigmoid = common.sigmoid;
  var sigmoidDerivative = common.sigmoidDerivative;
  var svgElement = common.svgElement;
  var SEED = 2024;
  var BATCH = 16;
  var MAX_DEPTH = 30;
  var LN99 = Math.log(99);
  var WIDTH = 640;
  var HEIGHT = 360;
  var MARGIN = { left: 64, right: 16, top: 16, bottom: 44 };

  // erf from Abramowitz and Stegun 7.1.26, enough for drawing GELU.
  function erf(x) {
    var sign = x < 0 ? -1 : 1;
    var a = Math.abs(x);
    var t = 1 / (1 + 0.3275911 * a);
    var poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 +
      t * (-1.453152027 + t * 1.061405429))));
    return sign * (1 - poly * Math.exp(-a * a));
  }

  function phi(x) {
    return 0.5 * (1 + erf(x / Math.SQRT2));
  }

  var ACTIVATIONS = {
    sigmoid: {
      f: sigmoid,
      df: sigmoidDerivative,
      saturated: function (z) { return Math.abs(z) > LN99; },
    },
    tanh: {
      f: Math.tanh,
      df: function (z) { var t = Math.tanh(z); return 1 - t * t; },
      saturated: function (z) { return Math.abs(z) > LN99 / 2; },
    },
    relu: {
      f: function (z) { return z > 0 ? z : 0; },
      df: function (z) { return z > 0 ? 1 : 0; },
      saturated: function (z) { return z < 0; },
    },
    silu: {
      f: function (z) { return z * sigmoid(z); },
      df: function (z) { var s = sigmoid(z); return s * (1 + z * (1 - s)); },
      saturated: function (z) { return z < -LN99; },
    },
    gelu: {
      f: function (z) { return z * phi(z); },
      df: function (z) { return phi(z) + z * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI); },
    },
  };

  /* ---- the generator and the fixed network ---- */

  function uniforms(count) {
    var x = SEED;
    var out = new Float64Array(count);
    var root3 = Math.sqrt(3);
    for (var i = 0; i < count; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = (2 * ((x >>> 0) / 4294967296) - 1) * root3;
    }
    return out;
  }

  var networks = {};

  function network(width) {
    if (networks[width]) {
      return networks[width];
    }
    var n = width * width;
    var values = uniforms(BATCH * width + BATCH + width + MAX_DEPTH * n);
    var start = 0;
    function take(size) {
      start += size;
      return values.subarray(start - size, start);
    }
    var net = {
      inputs: take(BATCH * width),
      targets: take(BATCH),
      readout: take(width),
      weights: [],
    };
    for (var l = 0; l < MAX_DEPTH; l++) {
      net.weights.push(take(n));
    }
    networks[width] = net;
    return net;
  }

  /* ---- one forward and one backward pass ---- */

  // out (rows x k) = a (rows x m) times w (m x k), row-major, w scaled.
  function matmul(a, w, rows, m, k, scale, out) {
    for (var r = 0; r < rows; r++) {
      var o = r * k;
      for (var j = 0; j < k; j++) { out[o + j] = 0; }
      for (var i = 0; i < m; i++) {
        var av = a[r * m + i] * scale;
        if (av === 0) { continue; }
        var wo = i * k;
        for (var jj = 0; jj < k; jj++) { out[o + jj] += av * w[wo + jj]; }
      }
    }
  }

  function compute(state) {
    var act = ACTIVATIONS[state.act];
    var width = state.width;
    var depth = state.depth;
    var net = network(width);
    var scale = state.gain * Math.sqrt((state.init === "he" ? 2 : 1) / width);
    var readoutScale = 1 / Math.sqrt(width);
    var size = BATCH * width;
    var outputs = [net.inputs];
    var pre = [];
    var saturated = 0;
    var l, i, r;
    for (l = 0; l < depth; l++) {
      var z = new Float64Array(size);
      matmul(outputs[l], net.weights[l], BATCH, width, width, scale, z);
      var a = new Float64Array(size);
      for (i = 0; i < size; i++) {
        a[i] = act.f(z[i]);
        if (act.saturated(z[i])) { saturated++; }
      }
      pre.push(z);
      outputs.push(a);
    }
    // grad_a = ((prediction - targets) / BATCH) readout^T
    var last = outputs[depth];
    var gradA = new Float64Array(size);
    for (r = 0; r < BATCH; r++) {
      var prediction = 0;
      for (i = 0; i < width; i++) {
        prediction += last[r * width + i] * (net.readout[i] * readoutScale);
      }
      var residual = (prediction - net.targets[r]) / BATCH;
      for (i = 0; i < width; i++) {
        gradA[r * width + i] = residual * (net.readout[i] * readoutScale);
      }
    }
    var norms = new Array(depth);
    var gradZ = new Float64Array(size);
    var weightGrad = new Float64Array(width * width);
    for (l = depth - 1; l >= 0; l--) {
      var zl = pre[l];
      for (i = 0; i < size; i++) { gradZ[i] = gradA[i] * act.df(zl[i]); }
      // dL/dW_l = a_{l-1}^T grad_z
      var input = outputs[l];
      weightGrad.fill(0);
      for (r = 0; r < BATCH; r++) {
        for (i = 0; i < width; i++) {
          var av = input[r * width + i];
          if (av === 0) { continue; }
          var wo = i * width;
          var go = r * width;
          for (var j = 0; j < width; j++) { weightGrad[wo + j] += av * gradZ[go + j]; }
        }
      }
      var sum = 0;
      for (i = 0; i < weightGrad.length; i++) { sum += weightGrad[i] * weightGrad[i]; }
      norms[l] = Math.sqrt(sum);
      // grad_a = grad_z W_l^T
      if (l > 0) {
        var w = net.weights[l];
        for (r = 0; r < BATCH; r++) {
          for (i = 0; i < width; i++) {
            var s = 0;
            var wi = i * width;
            var gz = r * width;
            for (var k = 0; k < width; k++) { s += gradZ[gz + k] * (w[wi + k] * scale); }
            gradA[r * width + i] = s;
          }
        }
      }
    }
    return { norms: norms, saturated: saturated / (size * depth) };
  }

  /* ---- drawing ---- */

  function clear(group) {
    while (group.firstChild) { group.removeChild(group.firstChild); }
  }

  function minus(text) {
    return String(text).replace(/^-/, "\u2212");
  }

  function format(value, digits) {
    if (!isFinite(value)) { return String(value); }
    if (value === 0) { return "0"; }
    var size = Math.abs(value);
    var text = size < 1e-3 || size >= 1e4
      ? value.toExponential((digits || 3) - 1)
      : value.toPrecision(digits || 3);
    if (/e/.test(text)) {
      var parts = text.split("e");
      return minus(parts[0]) + " \u00d7 10" + superscript(parts[1].replace("+", ""));
    }
    return minus(String(parseFloat(text)));
  }

  function superscript(text) {
    var map = { "0": "\u2070", "1": "\u00b9", "2": "\u00b2", "3": "\u00b3", "4": "\u2074",
      "5": "\u2075", "6": "\u2076", "7": "\u2077", "8": "\u2078", "9": "\u2079", "-": "\u207b" };
    return String(text).split("").map(function (c) { return map[c] || c; }).join("");
  }

  var plotW = WIDTH - MARGIN.left - MARGIN.right;
  var plotH = HEIGHT - MARGIN.top - MARGIN.bottom;

  function drawGradient(els, state, result) {
    var depth = state.depth;
    var lastNorm = result.norms[depth - 1];
    var relative = result.norms.map(function (n) { return lastNorm > 0 ? n / lastNorm : 0; });
    var positive = relative.filter(function (v) { return v > 0 && isFinite(v); });
    var lo = Math.floor(Math.log10(Math.min.apply(null, positive.concat([1]))));
    var hi = Math.ceil(Math.log10(Math.max.apply(null, positive.concat([1]))));
    if (hi - lo < 2) { lo -= 1; hi += 1; }
    var step = Math.max(1, Math.ceil((hi - lo) / 8));
    lo = hi - step * Math.ceil((hi - lo) / step);
    var xMax = Math.max(depth, 2);
    function px(layer) { return MARGIN.left + ((layer - 1) / (xMax - 1)) * plotW; }
    function py(v) {
      var t = (Math.log10(v) - lo) / (hi - lo);
      return MARGIN.top + (1 - t) * plotH;
    }
    var grid = els.grid;
    clear(grid);
    for (var e = hi; e >= lo; e -= step) {
      grid.appendChild(svgElement("line", {
        x1: MARGIN.left, x2: MARGIN.left + plotW, y1: py(Math.pow(10, e)), y2: py(Math.pow(10, e)),
        class: e === 0 ? "sigmoid-explorer__axis" : "",
      }));
      grid.appendChild(svgElement("text", {
        x: MARGIN.left - 8, y: py(Math.pow(10, e)) + 4, "text-anchor": "end",
      }, "10" + superscript(e)));
    }
    var xStep = depth <= 10 ? 1 : 5;
    for (var t = 1; t <= depth; t++) {
      if (t !== 1 && t % xStep !== 0 && t !== depth) { continue; }
      grid.appendChild(svgElement("text", {
        x: px(t), y: MARGIN.top + plotH + 18, "text-anchor": "middle",
      }, String(t)));
    }
    grid.appendChild(svgElement("text", {
      x: MARGIN.left + plotW, y: MARGIN.top + plotH + 36, "text-anchor": "end",
      class: "sigmoid-lab__axis-title",
    }, "layer (1 = nearest the input)"));
    var middle = MARGIN.top + plotH / 2;
    grid.appendChild(svgElement("text", {
      x: 14, y: middle, "text-anchor": "middle", transform: "rotate(-90 14 " + middle + ")",
      class: "sigmoid-lab__axis-title",
    }, "\u2016\u2202L/\u2202W\u2097\u2016 / last layer\u2019s"));

    var parts = [];
    clear(els.points);
    relative.forEach(function (v, index) {
      if (!(v > 0)) { return; }
      var x = px(index + 1).toFixed(2);
      var y = py(v).toFixed(2);
      parts.push((parts.length ? "L" : "M") + x + " " + y);
      els.points.appendChild(svgElement("circle", { cx: x, cy: y, r: depth > 20 ? 3 : 4 }));
    });
    els.line.setAttribute("d", parts.join(" "));
    return relative;
  }

  function readState(inputs) {
    return {
      act: inputs.act.value,
      depth: parseInt(inputs.depth.value, 10),
      width: parseInt(inputs.width.value, 10),
      init: inputs.init.value,
      gain: parseFloat(inputs.gain.value),
    };
  }

  var NAMES = { sigmoid: "sigmoid", tanh: "tanh", relu: "ReLU", silu: "SiLU", gelu: "GELU" };

  function initLab(lab) {
    var byId = function (id) { return document.getElementById(id); };
    var inputs = {
      act: byId("lab-act"),
      depth: byId("lab-depth"),
      width: byId("lab-width"),
      init: byId("lab-init"),
      gain: byId("lab-gain"),
    };
    var els = {
      grid: byId("lab-grid"),
      line: byId("lab-line"),
      points: byId("lab-points"),
      desc: byId("lab-plot-desc"),
    };

    function update() {
      var started = performance.now();
      var state = readState(inputs);
      var result = compute(state);
      var relative = drawGradient(els, state, result);
      byId("lab-depth-value").textContent = String(state.depth);
      byId("lab-width-value").textContent = String(state.width);
      byId("lab-gain-value").textContent = state.gain.toFixed(2);
      var ratio = relative[0];
      byId("lab-ratio").textContent = format(ratio);
      byId("lab-saturated").textContent = (100 * result.saturated).toFixed(1) + "%";
      byId("lab-last").textContent = format(result.norms[state.depth - 1]);
      els.desc.textContent = NAMES[state.act] + " network, " + state.depth + " layers of " +
        state.width + " units, " + (state.init === "he" ? "He" : "Glorot") +
        " initialisation with gain " + state.gain.toFixed(2) +
        ". The first layer's gradient norm is " + format(ratio) +
        " times the last layer's; " + (100 * result.saturated).toFixed(1) +
        "% of the units are saturated.";
      var elapsed = performance.now() - started;
      window.sigmoidLab.last = {
        state: state, norms: result.norms.slice(), saturated: result.saturated, ms: elapsed,
      };
      lab.setAttribute("data-redraw-ms", elapsed.toFixed(2));
      writeUrl();
    }

    Object.keys(inputs).forEach(function (name) {
      inputs[name].addEventListener("input", update);
      inputs[name].addEventListener("change", update);
    });
    byId("lab-controls").addEventListener("submit", function (event) { event.preventDefault(); });
    return { inputs: inputs, update: update };
  }

  /* ---- the comparison ---- */

  var CMP = { xMin: -5, xMax: 5, yMin: -1.25, yMax: 2.25 };

  function initCompare(root) {
    var byId = function (id) { return document.getElementById(id); };
    var boxes = {};
    Object.keys(NAMES).forEach(function (name) { boxes[name] = byId("compare-" + name); });
    var derivatives = byId("compare-derivatives");
    function px(x) { return MARGIN.left + ((x - CMP.xMin) / (CMP.xMax - CMP.xMin)) * plotW; }
    function py(y) {
      var bounded = Math.min(Math.max(y, CMP.yMin - 10), CMP.yMax + 10);
      return MARGIN.top + (1 - (bounded - CMP.yMin) / (CMP.yMax - CMP.yMin)) * plotH;
    }
    var grid = byId("compare-grid");
    [-4, -2, 0, 2, 4].forEach(function (x) {
      grid.appendChild(svgElement("line", {
        x1: px(x), x2: px(x), y1: py(CMP.yMin), y2: py(CMP.yMax),
        class: x === 0 ? "sigmoid-explorer__axis" : "",
      }));
      grid.appendChild(svgElement("text", {
        x: px(x), y: py(CMP.yMin) + 18, "text-anchor": "middle",
      }, minus(x)));
    });
    [-1, 0, 1, 2].forEach(function (y) {
      grid.appendChild(svgElement("line", {
        x1: px(CMP.xMin), x2: px(CMP.xMax), y1: py(y), y2: py(y),
        class: y === 0 ? "sigmoid-explorer__axis" : "",
      }));
      grid.appendChild(svgElement("text", {
        x: px(CMP.xMin) - 8, y: py(y) + 4, "text-anchor": "end",
      }, minus(y)));
    });
    grid.appendChild(svgElement("text", {
      x: px(CMP.xMax), y: py(CMP.yMin) + 36, "text-anchor": "end",
    }, "x"));
    var clip = byId("compare-clip-rect");
    clip.setAttribute("x", px(CMP.xMin));
    clip.setAttribute("y", py(CMP.yMax));
    clip.setAttribute("width", plotW);
    clip.setAttribute("height", plotH);

    function path(fn) {
      var parts = [];
      for (var i = 0; i <= 400; i++) {
        var x = CMP.xMin + ((CMP.xMax - CMP.xMin) * i) / 400;
        parts.push((i ? "L" : "M") + px(x).toFixed(2) + " " + py(fn(x)).toFixed(2));
      }
      return parts.join(" ");
    }
    Object.keys(NAMES).forEach(function (name) {
      byId("compare-" + name + "-f").setAttribute("d", path(ACTIVATIONS[name].f));
      byId("compare-" + name + "-df").setAttribute("d", path(ACTIVATIONS[name].df));
      byId("compare-" + name + "-slope").textContent = format(ACTIVATIONS[name].df(0), 4);
    });

    // Where each function saturates, in the sense of the lab's readout.
    var low = -10;
    var high = 0;
    for (var it = 0; it < 60; it++) {
      var mid = (low + high) / 2;
      if (phi(mid) < 0.01) { low = mid; } else { high = mid; }
    }
    var numbers = { ln99: LN99, halfln99: LN99 / 2, mln99: -LN99, gelu: low };
    root.querySelectorAll("[data-lab-number]").forEach(function (span) {
      var value = numbers[span.getAttribute("data-lab-number")];
      span.textContent = (value < 0 ? "\u2212" : "") + Math.abs(value).toFixed(3);
    });

    function update() {
      var shown = [];
      Object.keys(NAMES).forEach(function (name) {
        var on = boxes[name].checked;
        if (on) { shown.push(NAMES[name]); }
        byId("compare-" + name + "-f").style.display = on ? "" : "none";
        byId("compare-" + name + "-df").style.display = on && derivatives.checked ? "" : "none";
        byId("compare-row-" + name).classList.toggle("sigmoid-lab__row--hidden", !on);
      });
      byId("compare-plot-desc").textContent = shown.length
        ? "Showing " + shown.join(", ") + (derivatives.checked ? ", with their derivatives dashed." : ".")
        : "No function selected.";
      writeUrl();
    }
    Object.keys(boxes).concat(["derivatives"]).forEach(function (name) {
      var box = name === "derivatives" ? derivatives : boxes[name];
      box.addEventListener("change", update);
    });
    return { boxes: boxes, derivatives: derivatives, update: update };
  }

  /* ---- state in the URL ---- */

  var lab = null;
  var compare = null;
  var ready = false;

  var DEFAULTS = { act: "sigmoid", depth: "15", width: "48", init: "glorot", gain: "1" };

  function writeUrl() {
    if (!ready) { return; }
    var params = new URLSearchParams(window.location.search);
    if (lab) {
      var state = readState(lab.inputs);
      Object.keys(DEFAULTS).forEach(function (key) {
        var value = String(state[key]);
        if (value === DEFAULTS[key]) { params.delete(key); } else { params.set(key, value); }
      });
    }
    if (compare) {
      var on = Object.keys(compare.boxes).filter(function (n) { return compare.boxes[n].checked; });
      var cmp = on.join(",");
      if (cmp === "sigmoid,tanh,relu") { params.delete("cmp"); } else { params.set("cmp", cmp || "none"); }
      if (compare.derivatives.checked) { params.delete("deriv"); } else { params.set("deriv", "0"); }
    }
    var query = params.toString().replace(/%2C/g, ",");
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try {
      window.history.replaceState(null, "", url);
    } catch (error) {
      // Some browsers refuse to rewrite a file:// URL; the page still works.
    }
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    if (lab) {
      var inputs = lab.inputs;
      var act = params.get("act");
      if (act && Object.prototype.hasOwnProperty.call(NAMES, act) && act !== "gelu") {
        inputs.act.value = act;
      }
      var init = params.get("init");
      if (init === "he" || init === "glorot") { inputs.init.value = init; }
      ["depth", "width", "gain"].forEach(function (key) {
        var value = parseFloat(params.get(key));
        if (isFinite(value)) {
          var input = inputs[key];
          var clamped = Math.min(Math.max(value, parseFloat(input.min)), parseFloat(input.max));
          input.value = String(clamped);
        }
      });
    }
    if (compare) {
      var cmp = params.get("cmp");
      if (cmp !== null) {
        var wanted = cmp.split(",");
        Object.keys(compare.boxes).forEach(function (n) {
          compare.boxes[n].checked = wanted.indexOf(n) >= 0;
        });
      }
      if (params.get("deriv") === "0") { compare.derivatives.checked = false; }
    }
  }

  function init() {
    window.sigmoidLab = { compute: compute, uniforms: uniforms, last: null };
    var labRoot = document.getElementById("gradient-lab-widget");
    var compareRoot = document.getElementById("activation-compare-widget");
    if (labRoot) { lab = initLab(labRoot); }
    if (compareRoot) { compare = initCompare(compareRoot); }
    readUrl();
    if (lab) { lab.update(); labRoot.classList.add("sigmoid-explorer--ready"); }
    if (compare) { compare.update(); compareRoot.classList.add("sigmoid-explorer--ready"); }
    ready = true;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
