/*
 * The model of the gradient-through-depth lab on explore.html: activations,
 * the seeded generator, the fixed network, one forward and backward pass
 * with the per-layer mechanism, and the small network the lab trains.
 * No drawing here: lab.js draws.
 *
 * This file is the twin of tests/lab_reference.py (the gradient) and
 * tests/lab_training.py (the training), written step for step alike; the
 * browser test compares the numbers of the two. Plain script, no modules,
 * so the page also works offline and opened from file://.
 */
window.sigmoidLabModel = (function () {
  "use strict";

  var common = window.sigmoidPlot; // plot_common.js, loaded first
  var sigmoid = common.sigmoid;
  var sigmoidDerivative = common.sigmoidDerivative;
  var SEED = 2024;
  var BATCH = 16;
  var MAX_DEPTH = 30;
  var LN99 = Math.log(99);
  var TRAIN_SEED = 7;
  var TRAIN_WIDTH = 16;
  var TRAIN_POINTS = 64;
  var TRAIN_BATCH = 16;
  var LEARNING_RATE = 0.02;
  var LOSS_EVERY = 10;

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

  // Saturated as the site defines it for the sigmoid (output within 1% of a
  // limit, |z| > ln 99); tanh = 2 sigma(2z) - 1 where |z| > ln(99) / 2; SiLU
  // where its gate sigma(z) is, z < -ln 99; ReLU where it is flat at 0.
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

  // xorshift32 from seed; u = x / 2^32 is exact, (2u - 1) sqrt(3) is
  // rounded once: uniform on [-sqrt 3, sqrt 3), mean 0, variance 1.
  function uniforms(count, seed) {
    var x = seed === undefined ? SEED : seed;
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
    // Each weight matrix transposed too, so that both passes read memory
    // in order (the redraw at depth 30, width 128 is timed).
    net.transposed = net.weights.map(function (w) {
      var t = new Float64Array(n);
      for (var i = 0; i < width; i++) {
        for (var j = 0; j < width; j++) { t[j * width + i] = w[i * width + j]; }
      }
      return t;
    });
    networks[width] = net;
    return net;
  }

  /* ---- matrices, row-major ---- */

  // out (rows x k) = a (rows x m) w (m x k) * scale, plus bias (k) if given.
  function matmul(a, w, rows, m, k, scale, bias, out) {
    for (var r = 0; r < rows; r++) {
      var o = r * k;
      for (var j = 0; j < k; j++) { out[o + j] = 0; }
      for (var i = 0; i < m; i++) {
        var av = a[r * m + i] * scale;
        if (av === 0) { continue; }
        var wo = i * k;
        for (var jj = 0; jj < k; jj++) { out[o + jj] += av * w[wo + jj]; }
      }
      if (bias) {
        for (var b = 0; b < k; b++) { out[o + b] += bias[b]; }
      }
    }
  }

  // out (m x k) = a^T g, with a (rows x m) and g (rows x k).
  function outer(a, g, rows, m, k, out) {
    out.fill(0);
    for (var r = 0; r < rows; r++) {
      for (var i = 0; i < m; i++) {
        var av = a[r * m + i];
        if (av === 0) { continue; }
        var wo = i * k;
        var go = r * k;
        for (var j = 0; j < k; j++) { out[wo + j] += av * g[go + j]; }
      }
    }
  }

  // out (rows x m) = g (rows x k) (w * scale)^T, with w (m x k).
  function backMatmul(g, w, rows, m, k, scale, out) {
    for (var r = 0; r < rows; r++) {
      for (var i = 0; i < m; i++) {
        var s = 0;
        var wi = i * k;
        var gz = r * k;
        for (var j = 0; j < k; j++) { s += g[gz + j] * (w[wi + j] * scale); }
        out[r * m + i] = s;
      }
    }
  }

  // out (rows x k) = (a (rows x m) wt^T) * scale, with wt (k x m): dot
  // products of rows, read in order.
  function matmulTransposed(a, wt, rows, m, k, scale, out) {
    for (var r = 0; r < rows; r++) {
      var ao = r * m;
      for (var j = 0; j < k; j++) {
        var wo = j * m;
        var s = 0;
        for (var i = 0; i < m; i++) { s += a[ao + i] * wt[wo + i]; }
        out[r * k + j] = s * scale;
      }
    }
  }

  // ||a^T g|| (Frobenius) for a (rows x m) and g (rows x k), from the rows'
  // Gram matrices: ||a^T g||^2 = sum over r, s of (a_r . a_s)(g_r . g_s).
  // With rows = 16 this takes a fraction of forming a^T g.
  function outerNorm(a, g, rows, m, k) {
    var sum = 0;
    for (var r = 0; r < rows; r++) {
      for (var s = 0; s <= r; s++) {
        var aa = 0;
        var gg = 0;
        for (var i = 0; i < m; i++) { aa += a[r * m + i] * a[s * m + i]; }
        for (var j = 0; j < k; j++) { gg += g[r * k + j] * g[s * k + j]; }
        sum += (r === s ? 1 : 2) * aa * gg;
      }
    }
    return Math.sqrt(sum);
  }

  function norm(values) {
    var sum = 0;
    for (var i = 0; i < values.length; i++) { sum += values[i] * values[i]; }
    return Math.sqrt(sum);
  }

  /* ---- one forward and one backward pass, and the mechanism ---- */

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
    var saturatedCount = 0;
    var meanSlope = new Array(depth);
    var saturatedShare = new Array(depth);
    var backwardGain = new Array(depth);
    var l, i, r;
    for (l = 0; l < depth; l++) {
      var z = new Float64Array(size);
      matmulTransposed(outputs[l], net.transposed[l], BATCH, width, width, scale, z);
      var a = new Float64Array(size);
      var slopes = 0;
      var squares = 0;
      var flat = 0;
      for (i = 0; i < size; i++) {
        a[i] = act.f(z[i]);
        var d = act.df(z[i]);
        slopes += d;
        squares += d * d;
        if (act.saturated(z[i])) { flat++; }
      }
      meanSlope[l] = slopes / size;
      saturatedShare[l] = flat / size;
      backwardGain[l] = Math.sqrt((squares / size) * scale * scale * width);
      saturatedCount += flat;
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
    for (l = depth - 1; l >= 0; l--) {
      var zl = pre[l];
      for (i = 0; i < size; i++) { gradZ[i] = gradA[i] * act.df(zl[i]); }
      norms[l] = outerNorm(outputs[l], gradZ, BATCH, width, width); // ||dL/dW_l||
      if (l > 0) { backMatmul(gradZ, net.weights[l], BATCH, width, width, scale, gradA); }
    }
    return {
      norms: norms,
      saturated: saturatedCount / (size * depth),
      meanSlope: meanSlope,
      saturatedShare: saturatedShare,
      backwardGain: backwardGain,
    };
  }

  /* ---- training: the twin of tests/lab_training.py ---- */

  function xorPoints() {
    var values = uniforms(2 * TRAIN_POINTS, TRAIN_SEED);
    var labels = new Float64Array(TRAIN_POINTS);
    for (var p = 0; p < TRAIN_POINTS; p++) {
      labels[p] = values[2 * p] * values[2 * p + 1] > 0 ? 1 : 0;
    }
    return { points: values, labels: labels };
  }

  // -log sigma(o) for a label 1 and -log sigma(-o) for a label 0, where
  // -log sigma(t) = log(1 + e^-|t|) + max(-t, 0) never overflows.
  function meanCrossEntropy(logits, labels) {
    var sum = 0;
    for (var p = 0; p < labels.length; p++) {
      var t = labels[p] > 0 ? logits[p] : -logits[p];
      sum += Math.log1p(Math.exp(-Math.abs(t))) + Math.max(-t, 0);
    }
    return sum / labels.length;
  }

  function trainer(state) {
    var act = ACTIVATIONS[state.act];
    var depth = state.depth;
    var width = TRAIN_WIDTH;
    var data = xorPoints();
    var count = 2 * TRAIN_POINTS + 2 * width + (depth - 1) * width * width + width;
    var values = uniforms(count, TRAIN_SEED);
    var start = 2 * TRAIN_POINTS;
    var factor = state.init === "he" ? 2 : 1;
    var weights = [];
    var fanIns = [];
    for (var l = 0; l < depth; l++) {
      var fanIn = l === 0 ? 2 : width;
      var scale = state.gain * Math.sqrt(factor / fanIn);
      var w = new Float64Array(fanIn * width);
      for (var i = 0; i < w.length; i++) { w[i] = values[start + i] * scale; }
      start += w.length;
      weights.push(w);
      fanIns.push(fanIn);
    }
    var readout = new Float64Array(width);
    for (var j = 0; j < width; j++) { readout[j] = values[start + j] / Math.sqrt(width); }
    var biases = weights.map(function () { return new Float64Array(width); });
    var outBias = 0;
    var first = weights.map(function (w) { return w.slice(); });
    var firstNorms = first.map(norm);

    function forward(x, rows) {
      var outputs = [x];
      var pre = [];
      for (var l = 0; l < depth; l++) {
        var z = new Float64Array(rows * width);
        matmul(outputs[l], weights[l], rows, fanIns[l], width, 1, biases[l], z);
        var a = new Float64Array(rows * width);
        for (var i = 0; i < a.length; i++) { a[i] = act.f(z[i]); }
        pre.push(z);
        outputs.push(a);
      }
      var logits = new Float64Array(rows);
      matmul(outputs[depth], readout, rows, width, 1, 1, null, logits);
      for (var r = 0; r < rows; r++) { logits[r] += outBias; }
      return { outputs: outputs, pre: pre, logits: logits };
    }

    function loss() {
      return meanCrossEntropy(forward(data.points, TRAIN_POINTS).logits, data.labels);
    }

    // The loss on all the points costs four steps' forward passes: it is
    // taken every LOSS_EVERY steps and after the last step of each call.
    var run = { steps: 0, losses: [[0, loss()]] };

    function step() {
      var offset = (run.steps * TRAIN_BATCH) % TRAIN_POINTS;
      var x = data.points.subarray(2 * offset, 2 * (offset + TRAIN_BATCH));
      var y = data.labels.subarray(offset, offset + TRAIN_BATCH);
      var pass = forward(x, TRAIN_BATCH);
      var gradLogits = new Float64Array(TRAIN_BATCH);
      var gradOutBias = 0;
      for (var r = 0; r < TRAIN_BATCH; r++) {
        gradLogits[r] = (sigmoid(pass.logits[r]) - y[r]) / TRAIN_BATCH;
        gradOutBias += gradLogits[r];
      }
      var gradReadout = new Float64Array(width);
      outer(pass.outputs[depth], gradLogits, TRAIN_BATCH, width, 1, gradReadout);
      var gradA = new Float64Array(TRAIN_BATCH * width);
      backMatmul(gradLogits, readout, TRAIN_BATCH, width, 1, 1, gradA);
      var grads = new Array(depth);
      for (var l = depth - 1; l >= 0; l--) {
        var z = pass.pre[l];
        var gradZ = new Float64Array(TRAIN_BATCH * width);
        for (var i = 0; i < gradZ.length; i++) { gradZ[i] = gradA[i] * act.df(z[i]); }
        var gradW = new Float64Array(fanIns[l] * width);
        outer(pass.outputs[l], gradZ, TRAIN_BATCH, fanIns[l], width, gradW);
        var gradB = new Float64Array(width);
        for (r = 0; r < TRAIN_BATCH; r++) {
          for (var k = 0; k < width; k++) { gradB[k] += gradZ[r * width + k]; }
        }
        grads[l] = { w: gradW, b: gradB };
        if (l > 0) {
          gradA = new Float64Array(TRAIN_BATCH * fanIns[l]);
          backMatmul(gradZ, weights[l], TRAIN_BATCH, fanIns[l], width, 1, gradA);
        }
      }
      for (l = 0; l < depth; l++) {
        var w = weights[l];
        for (i = 0; i < w.length; i++) { w[i] = w[i] - LEARNING_RATE * grads[l].w[i]; }
        var b = biases[l];
        for (i = 0; i < width; i++) { b[i] = b[i] - LEARNING_RATE * grads[l].b[i]; }
      }
      for (i = 0; i < width; i++) { readout[i] = readout[i] - LEARNING_RATE * gradReadout[i]; }
      outBias = outBias - LEARNING_RATE * gradOutBias;
      run.steps += 1;
    }

    run.step = function (n) {
      for (var s = 0; s < (n || 1); s++) {
        step();
        if (run.steps % LOSS_EVERY === 0 || s === (n || 1) - 1) {
          run.losses.push([run.steps, loss()]);
        }
      }
      return run;
    };
    // ||W_l - W_l(0)|| / ||W_l(0)||, first layer first.
    run.weightChange = function () {
      return weights.map(function (w, l) {
        var sum = 0;
        for (var i = 0; i < w.length; i++) {
          var d = w[i] - first[l][i];
          sum += d * d;
        }
        return Math.sqrt(sum) / firstNorms[l];
      });
    };
    run.state = state;
    return run;
  }

  return {
    SEED: SEED,
    BATCH: BATCH,
    MAX_DEPTH: MAX_DEPTH,
    TRAIN_SEED: TRAIN_SEED,
    TRAIN_WIDTH: TRAIN_WIDTH,
    TRAIN_POINTS: TRAIN_POINTS,
    TRAIN_BATCH: TRAIN_BATCH,
    LEARNING_RATE: LEARNING_RATE,
    LN99: LN99,
    ACTIVATIONS: ACTIVATIONS,
    phi: phi,
    uniforms: uniforms,
    network: network,
    compute: compute,
    xorPoints: xorPoints,
    trainer: trainer,
  };
})();
