// pressmine serve: the officials view (/?view=officials) and the timeline view
// (/?view=timeline&indicator=...). Same rule as app.js: API text goes in as text only.
'use strict';

function showOnly(id) {
  for (const section of ['search', 'results', 'pager', 'doc', 'officials', 'timeline']) {
    $(section).hidden = section !== id;
  }
  for (const link of document.querySelectorAll('.nav a')) {
    if (link.dataset.nav === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

// A search for a name as a phrase; quotes inside the name are dropped so it stays one phrase.
function nameSearchUrl(name) {
  return `/?q=${encodeURIComponent(`"${String(name).replaceAll('"', ' ')}"`)}`;
}

function dateRange(first, last) {
  const a = (first || '').slice(0, 10);
  const b = (last || '').slice(0, 10);
  if (!a && !b) return t('undated');
  return a === b || !b ? a : `${a} – ${b}`;
}

function renderOfficial(o) {
  const names = Object.keys(o.names || {});
  const positions = Array.isArray(o.positions) ? o.positions : [];
  positions.sort((x, y) => String(x.first || '').localeCompare(String(y.first || '')));
  const docs = Object.entries(o.docs_by_lang || {});
  return el('li', { class: 'official', 'data-key': o.key },
    el('h2', {}, ...names.flatMap((name, i) => [i > 0 ? ' / ' : null,
      el('a', { href: nameSearchUrl(name) }, name)]).filter((n) => n !== null)),
    el('ul', { class: 'positions' }, ...positions.map((p) => el('li', {},
      el('span', { class: 'position' }, p.position || ''),
      o.org ? `, ${o.org}` : '', ' ',
      el('time', {}, dateRange(p.first, p.last))))),
    el('p', { class: 'meta' }, `${t('releases')}: `,
      ...docs.flatMap(([lang, n]) => [langBadge(lang), ` ${n} `])));
}

async function showOfficials() {
  showOnly('officials');
  document.title = `${t('officials')} — pressmine`;
  setStatus(t('loading'));
  try {
    const data = await getJson('/api/officials');
    const list = el('ol', { class: 'official-list' }, ...data.officials.map(renderOfficial));
    $('officials').replaceChildren(el('h1', {}, t('officials')), list);
    setStatus(data.officials.length ? t('officialsCount', data.officials.length)
                                    : t('noOfficials'));
    document.body.dataset.view = 'officials';
  } catch (e) {
    setStatus(`${t('error')}: ${e.message}`, true);
    document.body.dataset.view = 'error';
  }
}

// A point with a value; one that states only a change has none (value null, no unit).
function hasValue(p) {
  return p.value !== null && p.value !== undefined;
}

// The unit most of the points share: one chart has one value axis.
function mainUnit(points) {
  const counts = new Map();
  for (const p of points) counts.set(p.unit, (counts.get(p.unit) || 0) + 1);
  let best = null;
  for (const [unit, n] of counts) if (best === null || n > counts.get(best)) best = unit;
  return best;
}

function unitLabel(unit) {
  return String(unit || '').replaceAll('_', ' ');
}

// A point's value, or its change when only a change was stated (value null).
function pointValue(p) {
  if (hasValue(p)) return `${p.value} ${unitLabel(p.unit)}`;
  return p.change ? `${p.change.direction} ${p.change.value} ${unitLabel(p.change.unit)}` : '';
}

function pointLabel(p) {
  return `${p.period}: ${pointValue(p)} (${String(p.lang).toUpperCase()}, ` +
    `${(p.published || t('undated')).slice(0, 10)})`;
}

function commitmentLabel(c) {
  return `${t('target')} ${c.target}: ${c.text}`;
}

function timelineForm(indicator) {
  const input = el('input', { id: 'indicator', name: 'indicator', type: 'search',
    value: indicator, autocomplete: 'off', placeholder: 'maternal mortality' });
  const form = el('form', { class: 'search timeline-form', action: '/', method: 'get' },
    el('input', { type: 'hidden', name: 'view', value: 'timeline' }),
    el('div', { class: 'query-row' },
      el('label', { class: 'visually-hidden', for: 'indicator' }, t('indicator')),
      input, el('button', { type: 'submit' }, t('show'))));
  return form;
}

function timelineTable(points) {
  return el('table', { class: 'points' },
    el('thead', {}, el('tr', {}, ...['period', 'value', 'language', 'published', 'evidence']
      .map((key) => el('th', {}, t(key))))),
    el('tbody', {}, ...points.map((p) => el('tr', {},
      el('td', {}, p.period),
      el('td', { class: 'num' }, pointValue(p)),
      el('td', {}, langBadge(p.lang)),
      el('td', {}, el('a', { href: `/?doc=${encodeURIComponent(p.doc)}` },
        (p.published || t('undated')).slice(0, 10))),
      el('td', { lang: langAttr(p.lang) }, p.text)))));
}

async function showTimeline(indicator) {
  showOnly('timeline');
  const section = $('timeline');
  section.replaceChildren(el('h1', {}, t('timeline')), timelineForm(indicator));
  if (!indicator) {
    setStatus(t('enterIndicator'));
    document.body.dataset.view = 'timeline';
    return;
  }
  document.title = `${indicator} — pressmine`;
  setStatus(t('loading'));
  try {
    const data = await getJson(`/api/timeline?indicator=${encodeURIComponent(indicator)}`);
    // Only values are charted; changes with no value are listed and counted apart.
    const valued = data.points.filter(hasValue);
    const unit = mainUnit(valued);
    const charted = valued.filter((p) => p.unit === unit);
    const chart = timelineChart(charted, data.commitments, pointLabel, commitmentLabel);
    const parts = [el('h2', {}, data.indicator.replaceAll('_', ' '),
      unit ? el('span', { class: 'unit' }, ` (${unitLabel(unit)})`) : null)];
    if (chart) {
      parts.push(el('figure', { class: 'chart-box' }, chart,
        el('figcaption', {}, el('span', { class: 'key point-key lang-ru' }), ' RU ',
          el('span', { class: 'key point-key lang-en' }), ' EN ',
          el('span', { class: 'key commitment-key' }), ` ${t('commitmentKey')}`)));
    }
    if (charted.length < valued.length) {
      parts.push(el('p', { class: 'note' }, t('otherUnits', valued.length - charted.length)));
    }
    if (valued.length < data.points.length) {
      parts.push(el('p', { class: 'note' }, t('changesOnly', data.points.length - valued.length)));
    }
    if (data.points.length) parts.push(timelineTable(data.points));
    if (data.commitments.length) {
      parts.push(el('h2', {}, t('commitments')), el('ul', { class: 'commitments' },
        ...data.commitments.map((c) => el('li', {},
          el('strong', {}, c.target), ` · ${c.modality || ''} · `,
          el('a', { href: `/?doc=${encodeURIComponent(c.doc)}`, lang: langAttr(c.lang) },
            c.text)))));
    }
    section.append(...parts);
    setStatus(valued.length ? t('reportedValues', valued.length) : t('noValues'));
    document.body.dataset.view = 'timeline';
  } catch (e) {
    setStatus(`${t('error')}: ${e.message}`, true);
    document.body.dataset.view = 'error';
  }
}
