/*
 * The views of the gradient-through-depth lab and the activation comparison
 * on explore.html: controls, plots, readouts and the address bar.  The
 * numbers come from lab_model.js (the twin of tests/lab_reference.py).
 * Plain script, no modules and no network, so the page also works offline
 * and opened from file://.
 *
 * One update per user action: every control is listened to on "input" only
 * (a key press on a slider or a select fires it once), and the address bar
 * is written once, a short time after the last change.
 */
(function () {
  "use strict";

  var common = window.sigmoidPlot; // plot_common.js, loaded first
  var model = window.sigmoidLabModel; // lab_model.js, loaded next
  var svgElement = common.svgElement;
  var ACTIVATIONS = model.ACTIVATIONS;
  var phi = model.phi;
  var compute = model.compute;
  var LN99 = model.LN99;
  var WIDTH = 640;
  var HEIGHT = 360;
  var MARGIN = { left: 76, right: 16, top: 16, bottom: 44 };
  // The address bar is written this long after the last change: a held key
  // or a fast sweep makes one write, not one per step (Chromium ignores
  // history.replaceState after about 200 calls in 10 s).
  var URL_DELAY_MS = 150;

  /* ---- numbers as text ---- */

  function clear(group) {
    while (group.firstChild) { group.removeChild(group.firstChild); }
  }

  function minus(text) {
    return String(text).replace(/^-/, "\u2212");
  }

  function superscript(text) {
    var map = { "0": "\u2070", "1": "\u00b9", "2": "\u00b2", "3": "\u00b3", "4": "\u2074",
      "5": "\u2075", "6": "\u2076", "7": "\u2077", "8": "\u2078", "9": "\u2079", "-": "\u207b" };
    return String(text).split("").map(function (c) { return map[c] || c; }).join("");
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

  function percent(share) {
    return (100 * share).toFixed(1) + "%";
  }

  var NAMES = { sigmoid: "sigmoid", tanh: "tanh", relu: "ReLU", silu: "SiLU", gelu: "GELU" };

  function describe(state) {
    return NAMES[state.act] + ", " + (state.init === "he" ? "He" : "Glorot") +
      (state.gain !== 1 ? " \u00d7 " + state.gain.toFixed(2) : "") +
      ", depth " + state.depth + ", width " + state.width;
  }

  /* ---- the log axis of the gradient plot ---- */

  var plotW = WIDTH - MARGIN.left - MARGIN.right;
  var plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  // Decades shown whatever the line: the default setting and most others
  // fit, so most changes move the line and not the axis.
  var BASE_AXIS = { lo: -14, hi: 2 };

  function decades(values) {
    var positive = values.filter(function (v) { return v > 0 && isFinite(v); });
    if (!positive.length) { return null; }
    return {
      lo: Math.floor(Math.log10(Math.min.apply(null, positive))),
      hi: Math.ceil(Math.log10(Math.max.apply(null, positive))),
    };
  }

  // The base decades widened to take in the current line and the ghost,
  // in steps of the tick spacing, with at most nine labelled ticks.
  function fitAxis(lines, base) {
    var lo = (base || BASE_AXIS).lo;
    var hi = (base || BASE_AXIS).hi;
    lines.forEach(function (values) {
      var range = values && decades(values);
      if (range) { lo = Math.min(lo, range.lo); hi = Math.max(hi, range.hi); }
    });
    var steps = [2, 4, 5, 10, 20];
    var step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) {
      if ((Math.ceil(hi / steps[i]) - Math.floor(lo / steps[i])) <= 8) { step = steps[i]; break; }
    }
    return { lo: step * Math.floor(lo / step), hi: step * Math.ceil(hi / step), step: step };
  }

  function layerX(layer, depth, width) {
    var xMax = Math.max(depth, 2);
    return MARGIN.left + ((layer - 1) / (xMax - 1)) * (width || plotW);
  }

  function layerTicks(grid, depth, y, width) {
    var xStep = depth <= 10 ? 1 : 5;
    for (var t = 1; t <= depth; t++) {
      if (t !== 1 && t % xStep !== 0 && t !== depth) { continue; }
      grid.appendChild(svgElement("text", {
        x: layerX(t, depth, width), y: y, "text-anchor": "middle",
      }, String(t)));
    }
  }

  function linePath(values, depth, py, width) {
    var parts = [];
    values.forEach(function (v, index) {
      if (!(v > 0) || !isFinite(v)) { return; }
      parts.push((parts.length ? "L" : "M") + layerX(index + 1, depth, width).toFixed(2) + " " +
        py(v).toFixed(2));
    });
    return parts.join(" ");
  }

  function drawGradient(els, state, result, ghost) {
    // Both lines at their true layer numbers: the layer axis takes in the
    // deeper of the two.
    var depth = Math.max(state.depth, ghost ? ghost.state.depth : 0);
    var axis = fitAxis([result.norms, ghost && ghost.norms]);
    function py(v) {
      var t = (Math.log10(v) - axis.lo) / (axis.hi - axis.lo);
      return MARGIN.top + (1 - t) * plotH;
    }
    var grid = els.grid;
    clear(grid);
    for (var e = axis.hi; e >= axis.lo; e -= axis.step) {
      var y = py(Math.pow(10, e));
      grid.appendChild(svgElement("line", {
        x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y, y2: y,
        class: e === 0 ? "sigmoid-explorer__axis" : "",
      }));
      grid.appendChild(svgElement("text", {
        x: MARGIN.left - 8, y: y + 4, "text-anchor": "end",
      }, e === 0 ? "1" : "10" + superscript(e)));
    }
    layerTicks(grid, depth, MARGIN.top + plotH + 18);
    grid.appendChild(svgElement("text", {
      x: MARGIN.left + plotW, y: MARGIN.top + plotH + 36, "text-anchor": "end",
      class: "sigmoid-lab__axis-title",
    }, "layer (1 = nearest the input)"));
    var middle = MARGIN.top + plotH / 2;
    grid.appendChild(svgElement("text", {
      x: 14, y: middle, "text-anchor": "middle", transform: "rotate(-90 14 " + middle + ")",
      class: "sigmoid-lab__axis-title",
    }, "\u2016\u2202L/\u2202W\u2016 of the layer"));

    els.ghost.setAttribute("d", ghost ? linePath(ghost.norms, depth, py) : "");
    clear(els.points);
    result.norms.forEach(function (v, index) {
      if (!(v > 0) || !isFinite(v)) { return; }
      els.points.appendChild(svgElement("circle", {
        cx: layerX(index + 1, depth).toFixed(2), cy: py(v).toFixed(2), r: depth > 20 ? 3 : 4,
      }));
    });
    els.line.setAttribute("d", linePath(result.norms, depth, py));
    return axis;
  }

  /* ---- the mechanism panel ---- */

  var STRIP = { top: 34, height: 48, gap: 40 };

  function drawMechanism(grid, bars, state, result) {
    var depth = state.depth;
    var gainTop = Math.max(2, Math.ceil(Math.max.apply(null, result.backwardGain)));
    var strips = [
      { name: "mean slope f\u2032(z), from 0 to 1", values: result.meanSlope, top: 1,
        ticks: [0.25], labels: ["\u00bc"] },
      { name: "saturated units, from 0 to 100%", values: result.saturatedShare, top: 1,
        ticks: [0.5], labels: ["50%"] },
      { name: "backward gain, from 0 to " + gainTop, values: result.backwardGain, top: gainTop,
        ticks: [1], labels: ["1"] },
    ];
    clear(grid);
    clear(bars);
    var barWidth = Math.max(2, Math.min(14, (plotW / Math.max(depth, 2)) * 0.6));
    strips.forEach(function (strip, index) {
      var top = STRIP.top + index * (STRIP.height + STRIP.gap);
      var bottom = top + STRIP.height;
      function py(v) { return bottom - (Math.min(v, strip.top) / strip.top) * STRIP.height; }
      grid.appendChild(svgElement("line", {
        x1: MARGIN.left, x2: MARGIN.left + plotW, y1: bottom, y2: bottom,
        class: "sigmoid-explorer__axis",
      }));
      strip.ticks.forEach(function (tick, t) {
        grid.appendChild(svgElement("line", {
          x1: MARGIN.left, x2: MARGIN.left + plotW, y1: py(tick), y2: py(tick),
          class: index === 2 ? "sigmoid-lab__one" : "",
        }));
        grid.appendChild(svgElement("text", {
          x: MARGIN.left - 8, y: py(tick) + 4, "text-anchor": "end",
        }, strip.labels[t]));
      });
      grid.appendChild(svgElement("line", {
        x1: MARGIN.left, x2: MARGIN.left + plotW, y1: top, y2: top,
      }));
      grid.appendChild(svgElement("text", {
        x: MARGIN.left, y: top - 10, class: "sigmoid-lab__strip-title",
      }, strip.name));
      strip.values.forEach(function (v, layer) {
        var x = layerX(layer + 1, depth);
        var y = py(Math.max(v, 0));
        bars.appendChild(svgElement("rect", {
          x: (x - barWidth / 2).toFixed(2), y: y.toFixed(2), width: barWidth.toFixed(2),
          height: Math.max(bottom - y, 0).toFixed(2),
        }));
      });
    });
    layerTicks(grid, depth, STRIP.top + 3 * STRIP.height + 2 * STRIP.gap + 18);
  }

  function geometricMean(values) {
    var sum = 0;
    values.forEach(function (v) { sum += Math.log(v); });
    return Math.exp(sum / values.length);
  }

  function fillTable(body, result) {
    clear(body);
    result.norms.forEach(function (norm, l) {
      var row = document.createElement("tr");
      var cells = [String(l + 1), format(norm, 4), format(result.meanSlope[l], 4),
        percent(result.saturatedShare[l]), format(result.backwardGain[l], 4)];
      cells.forEach(function (text, c) {
        var cell = document.createElement(c === 0 ? "th" : "td");
        if (c === 0) { cell.setAttribute("scope", "row"); }
        cell.textContent = text;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
  }

  /* ---- training ---- */

  var TRAIN_STEPS = 300;
  // The two training plots sit side by side: a narrower drawing keeps their
  // text as large as the other plots'.
  var TRAIN_W = 420;
  var TRAIN_H = 280;
  var trainW = TRAIN_W - MARGIN.left - MARGIN.right;
  var TRAIN_TOP = MARGIN.top + 12; // room for the top label in phone-sized text
  var CHANGE_AXIS = { lo: -6, hi: 0 };

  function initTraining(readCurrentState) {
    var byId = function (id) { return document.getElementById(id); };
    var run = null;
    var status = byId("lab-train-status");

    function drawLoss() {
      var grid = byId("lab-loss-grid");
      clear(grid);
      var losses = run ? run.losses : []; // [step, loss on all points]
      var finite = losses.map(function (p) { return p[1]; }).filter(isFinite);
      var top = Math.min(3, Math.max(1, Math.ceil(Math.max.apply(null, finite.concat([0])) * 5) / 5));
      var steps = Math.max(TRAIN_STEPS, Math.ceil((run ? run.steps : 0) / TRAIN_STEPS) * TRAIN_STEPS);
      var h = TRAIN_H - TRAIN_TOP - MARGIN.bottom;
      function px(step) { return MARGIN.left + (step / steps) * trainW; }
      function py(v) { return TRAIN_TOP + (1 - Math.min(v, top) / top) * h; }
      for (var t = 0; t <= steps; t += steps / 3) {
        grid.appendChild(svgElement("text", {
          x: px(t), y: TRAIN_TOP + h + 18, "text-anchor": t === steps ? "end" : "middle",
        }, String(t)));
      }
      var yStep = top > 1.5 ? 1 : 0.2;
      for (var y = 0; y <= top + 1e-9; y += yStep) {
        grid.appendChild(svgElement("line", {
          x1: MARGIN.left, x2: MARGIN.left + trainW, y1: py(y), y2: py(y),
          class: y === 0 ? "sigmoid-explorer__axis" : "",
        }));
        grid.appendChild(svgElement("text", {
          x: MARGIN.left - 8, y: py(y) + 4, "text-anchor": "end",
        }, y.toFixed(1)));
      }
      grid.appendChild(svgElement("line", {
        x1: MARGIN.left, x2: MARGIN.left + trainW, y1: py(Math.LN2), y2: py(Math.LN2),
        class: "sigmoid-lab__one",
      }));
      grid.appendChild(svgElement("text", {
        x: MARGIN.left + trainW, y: py(Math.LN2) - 6, "text-anchor": "end",
      }, "coin toss"));
      grid.appendChild(svgElement("text", {
        x: MARGIN.left + trainW, y: TRAIN_TOP + h + 36, "text-anchor": "end",
        class: "sigmoid-lab__axis-title",
      }, "step"));
      var parts = [];
      for (var i = 0; i < losses.length; i++) {
        if (!isFinite(losses[i][1])) { break; }
        parts.push((i ? "L" : "M") + px(losses[i][0]).toFixed(2) + " " +
          py(losses[i][1]).toFixed(2));
      }
      byId("lab-loss-line").setAttribute("d", parts.join(" "));
      byId("lab-loss-desc").textContent = run
        ? "Loss " + format(losses[0][1]) + " at the start, " +
          format(losses[losses.length - 1][1]) + " after " + run.steps + " steps."
        : "Not trained yet.";
    }

    function drawChange() {
      var grid = byId("lab-change-grid");
      var points = byId("lab-change-points");
      clear(grid);
      clear(points);
      var change = run && run.steps ? run.weightChange() : [];
      var depth = readCurrentState().depth;
      var axis = fitAxis([change], CHANGE_AXIS);
      var h = TRAIN_H - TRAIN_TOP - MARGIN.bottom;
      function py(v) { return TRAIN_TOP + (1 - (Math.log10(v) - axis.lo) / (axis.hi - axis.lo)) * h; }
      for (var e = axis.hi; e >= axis.lo; e -= axis.step) {
        grid.appendChild(svgElement("line", {
          x1: MARGIN.left, x2: MARGIN.left + trainW, y1: py(Math.pow(10, e)), y2: py(Math.pow(10, e)),
          class: e === 0 ? "sigmoid-explorer__axis" : "",
        }));
        grid.appendChild(svgElement("text", {
          x: MARGIN.left - 8, y: py(Math.pow(10, e)) + 4, "text-anchor": "end",
        }, e === 0 ? "1" : "10" + superscript(e)));
      }
      layerTicks(grid, depth, TRAIN_TOP + h + 18, trainW);
      grid.appendChild(svgElement("text", {
        x: MARGIN.left + trainW, y: TRAIN_TOP + h + 36, "text-anchor": "end",
        class: "sigmoid-lab__axis-title",
      }, "layer (1 = nearest the input)"));
      change.forEach(function (v, index) {
        if (!(v > 0) || !isFinite(v)) { return; }
        points.appendChild(svgElement("circle", {
          cx: layerX(index + 1, depth, trainW).toFixed(2), cy: py(v).toFixed(2),
          r: depth > 20 ? 3 : 4,
        }));
      });
      byId("lab-change-line").setAttribute("d", linePath(change, depth, py, trainW));
      byId("lab-change-desc").textContent = change.length
        ? "The first layer's weights moved by " + format(change[0]) + " of their size, the last " +
          "layer's by " + format(change[change.length - 1]) + "."
        : "Not trained yet.";
    }

    function show(ms) {
      drawLoss();
      drawChange();
      if (!run) {
        status.textContent = "Not trained yet.";
      } else {
        var loss = run.losses[run.losses.length - 1][1];
        status.textContent = "Step " + run.steps + ": loss " + format(loss, 4) +
          (isFinite(loss) ? "" : ", no longer a number: the gradient exploded") + ".";
      }
      window.sigmoidLab.training = run ? {
        state: run.state, steps: run.steps, losses: run.losses.map(function (p) { return p.slice(); }),
        weightChange: run.steps ? run.weightChange() : [], ms: ms,
      } : null;
    }

    function ensure() {
      if (!run) { run = model.trainer(readCurrentState()); }
      return run;
    }

    function steps(n) {
      var started = performance.now();
      ensure().step(n);
      show(performance.now() - started);
    }

    byId("lab-train-run").addEventListener("click", function () { steps(TRAIN_STEPS); });
    byId("lab-train-step").addEventListener("click", function () { steps(1); });
    byId("lab-train-reset").addEventListener("click", function () { run = null; show(0); });
    show(0);
    // A new setting is a new network: what was trained belongs to the old one.
    return { reset: function () { if (run) { run = null; show(0); } } };
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

  function sameState(a, b) {
    return a && b && a.act === b.act && a.depth === b.depth && a.width === b.width &&
      a.init === b.init && a.gain === b.gain;
  }

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
      ghost: byId("lab-ghost"),
      points: byId("lab-points"),
      desc: byId("lab-plot-desc"),
    };
    var presets = Array.prototype.slice.call(lab.querySelectorAll("[data-preset]"));
    var caption = byId("lab-caption");
    var current = null;
    var ghost = null;
    var training = null;

    function update(preset) {
      var started = performance.now();
      var state = readState(inputs);
      var result = compute(state);
      if (current && !sameState(current.state, state)) {
        ghost = current;
        if (training) { training.reset(); }
      }
      current = { state: state, norms: result.norms };
      var axis = drawGradient(els, state, result, ghost);
      drawMechanism(byId("lab-mechanism-grid"), byId("lab-mechanism-bars"), state, result);
      fillTable(byId("lab-table-body"), result);
      byId("lab-depth-value").textContent = String(state.depth);
      byId("lab-width-value").textContent = String(state.width);
      byId("lab-gain-value").textContent = state.gain.toFixed(2);
      var ratio = result.norms[0] / result.norms[state.depth - 1];
      var gains = result.backwardGain.slice(1);
      var meanGain = gains.length ? geometricMean(gains) : NaN;
      var product = gains.reduce(function (a, b) { return a * b; }, 1);
      byId("lab-ratio").textContent = format(ratio);
      byId("lab-gain-mean").textContent = gains.length ? format(meanGain) : "(one layer)";
      byId("lab-gain-product").textContent = gains.length
        ? format(meanGain) + superscript(gains.length) + " = " + format(product) : "1";
      byId("lab-saturated").textContent = percent(result.saturated);
      byId("lab-table-caption").textContent = "Per layer, first layer first: " + describe(state);
      byId("lab-legend").lastChild.textContent = ghost
        ? " before: " + describe(ghost.state) + "." : " before: none yet.";
      presets.forEach(function (button) {
        button.setAttribute("aria-pressed", button === preset ? "true" : "false");
      });
      caption.textContent = preset ? preset.getAttribute("data-caption")
        : "Your setting: " + describe(state) + ".";
      var last = result.norms[state.depth - 1];
      els.desc.textContent = "Now: " + describe(state) + ". The last layer's gradient norm is " +
        format(last) + ", the first layer's " + format(result.norms[0]) + ", " + format(ratio) +
        " times the last's." + (ghost ? " Before: " + describe(ghost.state) + ", first layer " +
        format(ghost.norms[0]) + "." : "") + " The axis runs from 10" + superscript(axis.lo) +
        " to 10" + superscript(axis.hi) + "; the table below gives every layer.";
      byId("lab-mechanism-desc").textContent = "Mean slope f\u2032(z) from " +
        format(Math.min.apply(null, result.meanSlope)) + " to " +
        format(Math.max.apply(null, result.meanSlope)) + "; saturated units " +
        percent(result.saturated) + "; backward gain per layer about " + format(meanGain) + ".";
      var elapsed = performance.now() - started;
      window.sigmoidLab.last = {
        state: state, norms: result.norms.slice(), saturated: result.saturated,
        meanSlope: result.meanSlope.slice(), saturatedShare: result.saturatedShare.slice(),
        backwardGain: result.backwardGain.slice(), axis: axis, ms: elapsed,
      };
      lab.setAttribute("data-redraw-ms", elapsed.toFixed(2));
      window.sigmoidLab.counts.redraws += 1;
      scheduleUrl();
    }

    function applyPreset(button) {
      var params = new URLSearchParams(button.getAttribute("data-preset"));
      Object.keys(DEFAULTS).forEach(function (key) {
        inputs[key].value = params.has(key) ? params.get(key) : DEFAULTS[key];
      });
      update(button);
    }

    Object.keys(inputs).forEach(function (name) {
      inputs[name].addEventListener("input", function () { update(null); });
    });
    presets.forEach(function (button) {
      button.addEventListener("click", function () { applyPreset(button); });
    });
    byId("lab-controls").addEventListener("submit", function (event) { event.preventDefault(); });
    training = initTraining(function () { return readState(inputs); });
    return { inputs: inputs, update: update, presets: presets };
  }

  /* ---- the comparison ---- */

  var CMP = { xMin: -5, xMax: 5, yMin: -1.25, yMax: 2.25 };
  // Curves are told apart by marker as well as colour: a shape per function,
  // filled on the function and hollow on its derivative, at staggered x.
  var MARKERS = {
    sigmoid: { shape: "circle", offset: 0 },
    tanh: { shape: "square", offset: 0.4 },
    relu: { shape: "triangle", offset: 0.8 },
    gelu: { shape: "diamond", offset: 1.2 },
    silu: { shape: "cross", offset: 1.6 },
  };

  function markerPath(shape, x, y, r) {
    function p(dx, dy) { return (x + dx * r).toFixed(2) + " " + (y + dy * r).toFixed(2); }
    if (shape === "circle") {
      return "M" + p(-1, 0) + " A" + r + " " + r + " 0 1 0 " + p(1, 0) + " A" + r + " " + r +
        " 0 1 0 " + p(-1, 0) + " Z";
    }
    if (shape === "square") { return "M" + p(-0.9, -0.9) + " L" + p(0.9, -0.9) + " L" + p(0.9, 0.9) + " L" + p(-0.9, 0.9) + " Z"; }
    if (shape === "triangle") { return "M" + p(0, -1.2) + " L" + p(1.1, 0.8) + " L" + p(-1.1, 0.8) + " Z"; }
    if (shape === "diamond") { return "M" + p(0, -1.3) + " L" + p(1.3, 0) + " L" + p(0, 1.3) + " L" + p(-1.3, 0) + " Z"; }
    return "M" + p(-1, -1) + " L" + p(1, 1) + " M" + p(1, -1) + " L" + p(-1, 1);
  }

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
    var marks = byId("compare-marks");
    Object.keys(NAMES).forEach(function (name) {
      var marker = MARKERS[name];
      ["f", "df"].forEach(function (kind) {
        var group = svgElement("g", {
          id: "compare-" + name + "-" + kind + "-marks",
          class: "sigmoid-lab__mark sigmoid-lab__mark--" + kind + " sigmoid-lab--" + name,
          "data-marker": marker.shape,
        });
        for (var x = CMP.xMin + 0.6 + marker.offset; x < CMP.xMax; x += 2) {
          group.appendChild(svgElement("path", {
            d: markerPath(marker.shape, px(x), py(ACTIVATIONS[name][kind](x)), 5),
          }));
        }
        marks.appendChild(group);
      });
      var swatch = root.querySelector(".sigmoid-lab__swatch.sigmoid-lab--" + name);
      if (swatch) {
        var icon = svgElement("svg", {
          viewBox: "0 0 28 14", width: 28, height: 14, "aria-hidden": "true",
          class: "sigmoid-lab__swatch-icon sigmoid-lab--" + name,
          "data-marker": marker.shape,
        });
        icon.appendChild(svgElement("line", { x1: 0, y1: 7, x2: 28, y2: 7 }));
        icon.appendChild(svgElement("path", {
          d: markerPath(marker.shape, 14, 7, 4.5), class: "sigmoid-lab__mark--f",
        }));
        swatch.replaceWith(icon);
      }
    });
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
        byId("compare-" + name + "-f-marks").style.display = on ? "" : "none";
        byId("compare-" + name + "-df-marks").style.display =
          on && derivatives.checked ? "" : "none";
        byId("compare-row-" + name).classList.toggle("sigmoid-lab__row--hidden", !on);
      });
      byId("compare-plot-desc").textContent = shown.length
        ? "Showing " + shown.join(", ") + (derivatives.checked ? ", with their derivatives dashed." : ".")
        : "No function selected.";
      scheduleUrl();
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

  var urlTimer = null;

  function scheduleUrl() {
    if (!ready) { return; }
    if (urlTimer !== null) { window.clearTimeout(urlTimer); }
    urlTimer = window.setTimeout(writeUrl, URL_DELAY_MS);
  }

  function writeUrl() {
    urlTimer = null;
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
    if (url === window.location.pathname + window.location.search + window.location.hash) {
      return;
    }
    window.sigmoidLab.counts.urlWrites += 1;
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

  // The preset whose setting the controls show, if any (after a reload).
  function matchingPreset() {
    var state = readState(lab.inputs);
    var found = null;
    lab.presets.forEach(function (button) {
      var params = new URLSearchParams(button.getAttribute("data-preset"));
      var same = Object.keys(DEFAULTS).every(function (key) {
        var wanted = params.has(key) ? params.get(key) : DEFAULTS[key];
        return String(state[key]) === String(key === "gain" ? parseFloat(wanted) : wanted);
      });
      if (same) { found = button; }
    });
    return found;
  }

  function init() {
    window.sigmoidLab = {
      model: model, last: null, counts: { redraws: 0, urlWrites: 0 },
    };
    var labRoot = document.getElementById("gradient-lab-widget");
    var compareRoot = document.getElementById("activation-compare-widget");
    if (labRoot) { lab = initLab(labRoot); }
    if (compareRoot) { compare = initCompare(compareRoot); }
    readUrl();
    if (lab) { lab.update(matchingPreset()); labRoot.classList.add("sigmoid-explorer--ready"); }
    if (compare) { compare.update(); compareRoot.classList.add("sigmoid-explorer--ready"); }
    ready = true;
    // What the controls made of the query (a value out of range clamped, an
    // unknown one dropped) goes back into the address bar at once.
    writeUrl();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
