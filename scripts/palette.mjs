// Colour checks for the map's palette (docs/design.md): how two colours differ for readers with normal vision and
// with each of the three colour-vision deficiencies, simulated after Machado, Oliveira & Fernandes (2009) at full
// severity, measured as CIE76 ΔE in CIELAB (D65). tests/js/palette.test.mjs checks the catalogue's families with it.

const matrices = {
  normal: null,
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};

/** The visions simulated: normal and the three dichromacies. */
export const visions = Object.freeze(Object.keys(matrices));

const toLinear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function linearRgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => toLinear(c / 255));
}

function lab([r, g, b]) {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  const z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** A colour as a reader with `vision` sees it, in CIELAB. */
export function seen(hex, vision = 'normal') {
  const rgb = linearRgb(hex);
  const m = matrices[vision];
  const simulated = m ? m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) : rgb;
  return lab(simulated);
}

/** CIE76 ΔE between two colours as a reader with `vision` sees them (about 2.3 is just noticeable). */
export function difference(a, b, vision = 'normal') {
  const [x, y] = [seen(a, vision), seen(b, vision)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}
