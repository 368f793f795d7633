// pressmine serve: the timeline chart, drawn as SVG by this file (no charting library, nothing
// fetched from elsewhere). An indicator's reported values are points on a time axis, each a
// link to the release that reported it; commitments are triangles on the same axis at their
// target dates, each a link to its release. Text goes in as text nodes (<title>, <text>).
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

// A time as a fractional year: "2025" is mid-2025 (a year's figure describes the whole year),
// "2025-06" mid-June, "2025-06-10" that day, "2022/2024" the middle of the period. NaN for
// anything else (year-less dates).
function periodToYear(period) {
  const text = String(period || '');
  if (text.includes('/')) {
    const [a, b] = text.split('/');
    const ya = periodToYear(a);
    const yb = periodToYear(b);
    return Number.isNaN(ya) || Number.isNaN(yb) ? NaN : (ya + yb) / 2;
  }
  let m = /^(\d{4})$/.exec(text);
  if (m) return Number(m[1]) + 0.5;
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return Number(m[1]) + (Number(m[2]) - 0.5) / 12;
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m) {
    const start = Date.UTC(Number(m[1]), 0, 1);
    const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return Number(m[1]) + (day - start) / (366 * 86400000);
  }
  return NaN;
}

// Round steps for the value axis: 1, 2 or 5 times a power of ten.
function niceStep(range, ticks) {
  const raw = range / Math.max(1, ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 5, 10]) if (f * power >= raw) return f * power;
  return 10 * power;
}

function formatValue(v) {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

// The chart for `points` (all in one unit) and `commitments`; null when nothing has a time.
// `label(p)` and `commitmentLabel(c)` give each mark's tooltip.
function timelineChart(points, commitments, label, commitmentLabel) {
  const dated = points.map((p) => ({ p, x: periodToYear(p.period) }))
    .filter((d) => !Number.isNaN(d.x) && Number.isFinite(d.p.value));
  const promised = commitments.map((c) => ({ c, x: periodToYear(c.target) }))
    .filter((d) => !Number.isNaN(d.x));
  if (dated.length === 0) return null;

  const width = 640;
  const height = 300;
  const left = 56;
  const right = 16;
  const top = 16;
  const bottom = 52;  // year labels and the commitments' row
  const xs = [...dated, ...promised].map((d) => d.x);
  const x0 = Math.floor(Math.min(...xs));
  const x1 = Math.ceil(Math.max(...xs));
  const values = dated.map((d) => d.p.value);
  let y0 = Math.min(0, ...values);
  let y1 = Math.max(...values);
  if (y1 === y0) y1 = y0 + 1;
  const step = niceStep(y1 - y0, 5);
  y0 = Math.floor(y0 / step) * step;
  y1 = Math.ceil((y1 * 1.05) / step) * step;
  const sx = (x) => left + ((x - x0) / Math.max(1, x1 - x0)) * (width - left - right);
  const sy = (y) => top + (1 - (y - y0) / (y1 - y0)) * (height - top - bottom);

  const chart = svg('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': t('chartLabel'), preserveAspectRatio: 'xMidYMid meet',
  });
  const axis = svg('g', { class: 'axis' });
  for (let y = y0; y <= y1 + step / 2; y += step) {
    axis.append(svg('line', { x1: left, x2: width - right, y1: sy(y), y2: sy(y), class: 'grid' }),
      svg('text', { x: left - 6, y: sy(y) + 4, 'text-anchor': 'end' }, formatValue(y)));
  }
  for (let year = x0; year <= x1; year += 1) {
    axis.append(svg('line', { x1: sx(year), x2: sx(year), y1: top, y2: height - bottom,
      class: 'grid' }));
    if (year < x1) {
      axis.append(svg('text', { x: sx(year + 0.5), y: height - bottom + 16,
        'text-anchor': 'middle' }, String(year)));
    }
  }
  axis.append(svg('line', { x1: left, x2: width - right, y1: height - bottom,
    y2: height - bottom, class: 'baseline' }));
  chart.append(axis);

  const line = dated.slice().sort((a, b) => a.x - b.x)
    .map((d) => `${sx(d.x).toFixed(1)},${sy(d.p.value).toFixed(1)}`).join(' ');
  chart.append(svg('polyline', { points: line, class: 'trend' }));

  // Commitments: a dashed line up from the axis and a triangle under it, at the target.
  const rowY = height - 14;
  for (const { c, x } of promised) {
    const cx = sx(x);
    chart.append(svg('a', { href: `/?doc=${encodeURIComponent(c.doc)}`, class: 'commitment-link' },
      svg('line', { x1: cx, x2: cx, y1: top, y2: height - bottom, class: 'target' }),
      svg('polygon', {
        class: 'commitment', 'data-doc': c.doc,
        points: `${cx},${rowY - 9} ${cx - 7},${rowY + 4} ${cx + 7},${rowY + 4}`,
      }, svg('title', {}, commitmentLabel(c)))));
  }
  for (const { p, x } of dated) {
    const lang = ['ru', 'en'].includes(p.lang) ? p.lang : 'other';
    chart.append(svg('a', { href: `/?doc=${encodeURIComponent(p.doc)}`, class: 'point-link' },
      // The Russian and English reports of one value sit side by side rather than hiding each
      // other.
      svg('circle', { class: `point lang-${lang}`, cy: sy(p.value), r: 6,
        cx: sx(x) + (lang === 'ru' ? -4 : lang === 'en' ? 4 : 0),
        'data-doc': p.doc }, svg('title', {}, label(p)))));
  }
  return chart;
}
