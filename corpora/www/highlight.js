// pressmine serve: a release's text with its extracted facts highlighted in place.
//
// The API gives each fact the byte offsets of its evidence in the UTF-8 text; JavaScript strings
// count UTF-16 code units, so offsets are converted first (an offset inside a character, which
// a stale fact could have, drops that fact). Facts overlap (a commitment's clause contains its
// target date), so the text is cut at every fact boundary and each piece is one <span> carrying
// the classes of all facts covering it. Every piece is inserted as a text node: crawled text
// never becomes markup.
'use strict';

const FACT_TYPES = ['date', 'official', 'figure', 'program', 'commitment'];

// Maps each UTF-8 byte offset in `offsets` to its UTF-16 index in `text`; offsets that fall
// inside a character or past the end are left out.
function byteOffsetsToIndices(text, offsets) {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const map = new Map();
  let bytes = 0;
  let k = 0;
  for (let i = 0; ; ) {
    while (k < wanted.length && wanted[k] <= bytes) {
      if (wanted[k] === bytes) map.set(wanted[k], i);
      k += 1;
    }
    if (i >= text.length || k >= wanted.length) break;
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return map;
}

// The facts as {begin, end, fact} in UTF-16 indices, for known types with usable offsets.
function factSpans(text, facts) {
  const usable = (facts || []).filter((f) => FACT_TYPES.includes(f.type) &&
    Number.isInteger(f.span_begin) && Number.isInteger(f.span_end) && f.span_begin < f.span_end);
  const map = byteOffsetsToIndices(text, usable.flatMap((f) => [f.span_begin, f.span_end]));
  return usable
    .filter((f) => map.has(f.span_begin) && map.has(f.span_end))
    .map((f) => ({ begin: map.get(f.span_begin), end: map.get(f.span_end), fact: f }));
}

// A short description of a fact for its tooltip.
function describeFact(f) {
  const parts = [f.type];
  switch (f.type) {
    case 'date': parts.push(f.end ? `${f.value}/${f.end}` : f.value); break;
    case 'official': parts.push(f.name, f.position, f.org); break;
    case 'figure':
      // A figure that states only a change has a null value.
      if (f.value !== null && f.value !== undefined) parts.push(`${f.value} ${f.unit || ''}`.trim());
      parts.push(f.indicator, f.period);
      if (f.change) parts.push(`${f.change.direction} ${f.change.value} ${f.change.unit || ''}`);
      break;
    case 'program': parts.push(f.name, f.period, f.budget); break;
    case 'commitment': parts.push(f.modality, f.target, f.actor); break;
    default: break;
  }
  return parts.filter((p) => p !== undefined && p !== null && p !== '').join(' · ');
}

// Nodes for text[from, to) with the spans that overlap it highlighted.
function highlightedNodes(text, from, to, spans) {
  const cuts = new Set([from, to]);
  for (const s of spans) {
    if (s.begin > from && s.begin < to) cuts.add(s.begin);
    if (s.end > from && s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.begin <= a && s.end >= b);
    if (covering.length === 0) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    // The innermost fact (the shortest span) describes the piece.
    covering.sort((x, y) => (x.end - x.begin) - (y.end - y.begin));
    const types = [...new Set(covering.map((s) => s.fact.type))];
    nodes.push(el('span', {
      class: `fact ${types.map((type) => `fact-${type}`).join(' ')}`,
      'data-fact': types.join(' '),
      title: covering.map((s) => describeFact(s.fact)).join('\n'),
    }, piece));
  }
  return nodes;
}

// The text as paragraphs (blank lines separate them) with the facts highlighted.
function highlightedParagraphs(text, facts) {
  const spans = factSpans(text, facts);
  const paragraphs = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  const add = (from, to) => {
    while (from < to && /\s/.test(text[from])) from += 1;
    while (to > from && /\s/.test(text[to - 1])) to -= 1;
    if (from < to) paragraphs.push(el('p', {}, ...highlightedNodes(text, from, to, spans)));
  };
  for (let m = separator.exec(text); m !== null; m = separator.exec(text)) {
    add(start, m.index);
    start = m.index + m[0].length;
  }
  add(start, text.length);
  return { paragraphs, shown: spans };
}

// The legend: one entry per fact type present, in the style the text uses, with its count.
function factLegend(spans) {
  const counts = new Map();
  for (const s of spans) counts.set(s.fact.type, (counts.get(s.fact.type) || 0) + 1);
  if (counts.size === 0) return null;
  return el('ul', { class: 'legend', 'aria-label': t('factsLegend') },
    ...FACT_TYPES.filter((type) => counts.has(type)).map((type) => el('li', {},
      el('span', { class: `fact fact-${type}` }, t(`fact-${type}`)), ` ${counts.get(type)}`)));
}

// Links from a release's figures to their indicators' timelines.
function indicatorLinks(spans) {
  const indicators = [...new Set(spans.map((s) => s.fact)
    .filter((f) => f.type === 'figure' && typeof f.indicator === 'string' && f.indicator)
    .map((f) => f.indicator))];
  if (indicators.length === 0) return null;
  return el('p', { class: 'indicators' }, `${t('timelines')}: `,
    ...indicators.flatMap((id, i) => [i > 0 ? ', ' : null,
      el('a', { href: `/?view=timeline&indicator=${encodeURIComponent(id)}` },
        id.replaceAll('_', ' '))]).filter((node) => node !== null));
}
