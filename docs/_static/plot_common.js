/*
 * What the two scripts of explore.html share (explore.js, the explorer, and
 * lab.js, the lab and the comparison): the stable sigmoid, its derivative,
 * and SVG element creation. Loaded first; plain script, as they are.
 *
 * With e = exp(-|z|), which never overflows,
 *   sigma(z)  = 1 / (1 + e) for z >= 0 and e / (1 + e) below,
 *   sigma'(z) = e / (1 + e)^2.
 */
window.sigmoidPlot = (function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";

  function sigmoid(z) {
    var e = Math.exp(-Math.abs(z));
    return z >= 0 ? 1 / (1 + e) : e / (1 + e);
  }

  function sigmoidDerivative(z) {
    var e = Math.exp(-Math.abs(z));
    return e / ((1 + e) * (1 + e));
  }

  function svgElement(name, attributes, text) {
    var element = document.createElementNS(SVG_NS, name);
    Object.keys(attributes).forEach(function (key) {
      element.setAttribute(key, String(attributes[key]));
    });
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  return {
    SVG_NS: SVG_NS,
    sigmoid: sigmoid,
    sigmoidDerivative: sigmoidDerivative,
    svgElement: svgElement,
  };
})();
