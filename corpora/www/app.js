// pressmine serve: the search page and the document view.
//
// Safety rule for this file: everything from the API was crawled from the internet, so it is
// only ever put into the page as text (textContent, createTextNode, attribute values through
// setAttribute on harmless attributes). Nothing here assigns innerHTML/outerHTML or calls
// insertAdjacentHTML; the server's CSP enforces Trusted Types, so such a call would throw.
// Links to original articles are shown only for http(s) URLs.
//
// State lives in the URL (?q=...&lang=...&page=2, ?doc=ID, ?view=officials or
// ?view=timeline&indicator=...), so every view can be bookmarked and shared; every change of
// search or page is a normal navigation. The document's fact highlighting is in highlight.js,
// the officials and timeline views in views.js, the chart in chart.js.
'use strict';

const PAGE_SIZE = 10;

const STRINGS = {
  en: {
    tagline: 'Health ministry press releases', query: 'Query', search: 'Search',
    placeholder: 'e.g. vaccination OR вакцинация', language: 'Language', all: 'All',
    other: 'Other', source: 'Source', from: 'From', to: 'To', sort: 'Sort',
    relevance: 'Relevance', newest: 'Newest first', mono: 'Only the words as typed',
    syntax: 'Query language', 'h-and': 'both words', 'h-phrase': 'the words in this order',
    'h-or': 'either word', 'h-not': 'without the excluded word', 'h-prefix': 'prefix',
    'h-title': 'the word in the title', 'h-date': 'a date range',
    results: (n) => `${n} ${n === 1 ? 'result' : 'results'}`,
    moreThan: (n) => `more than ${n} results`,
    showing: (a, b) => `showing ${a}–${b}`, none: 'No results.', loading: 'Searching…',
    prev: '← Previous', next: 'Next →', page: (p, n) => `page ${p} of ${n}`,
    undated: 'undated', untitled: '(untitled)', original: 'Original article',
    versions: 'Versions', version: (v) => `version ${v}`, back: '← Back', seen: 'seen',
    removed: 'removed from its site', corpus: (n) => `${n} releases in the database`,
    enterQuery: 'Type a query above: it finds releases in Russian and English.',
    error: 'Error', uiName: 'RU', uiLabel: 'Интерфейс по-русски',
    counterpart: (lang) => (lang === 'ru' ? 'Probably the same story in Russian:'
                                          : 'Probably the same story in English:'),
    sameStory: (lang) => (lang === 'ru' ? 'The same story in Russian (the facts match):'
                                        : 'The same story in English (the facts match):'),
    navSearch: 'Search', officials: 'Officials', timeline: 'Timeline',
    alsoIn: (lang) => `Also in ${lang === 'ru' ? 'Russian' : 'English'}:`,
    'fact-date': 'date', 'fact-official': 'official', 'fact-figure': 'figure',
    'fact-program': 'programme', 'fact-commitment': 'commitment', factsLegend: 'Facts found',
    timelines: 'Timelines', releases: 'Releases',
    officialsCount: (n) => `${n} ${n === 1 ? 'official' : 'officials'}`,
    noOfficials: 'No officials found.', indicator: 'Indicator', show: 'Show',
    enterIndicator: 'Type an indicator, e.g. maternal mortality or материнская смертность.',
    period: 'Period', value: 'Value', language: 'Language', published: 'Published',
    evidence: 'Evidence', target: 'target', commitmentKey: 'commitment (target date)',
    otherUnits: (n) => `${n} values in other units are listed below but not charted.`,
    changesOnly: (n) => `${n} ${n === 1 ? 'change' : 'changes'} without a stated value ` +
      `${n === 1 ? 'is' : 'are'} listed below.`,
    commitments: 'Commitments in these releases',
    reportedValues: (n) => `${n} reported ${n === 1 ? 'value' : 'values'}`,
    noValues: 'No reported values.', chartLabel: 'Reported values over time',
  },
  ru: {
    tagline: 'Пресс-релизы министерств здравоохранения', query: 'Запрос', search: 'Найти',
    placeholder: 'например, вакцинация OR vaccination', language: 'Язык', all: 'Все',
    other: 'Другой', source: 'Источник', from: 'С', to: 'По', sort: 'Порядок',
    relevance: 'По релевантности', newest: 'Сначала новые', mono: 'Только слова запроса',
    syntax: 'Язык запросов', 'h-and': 'оба слова', 'h-phrase': 'слова подряд',
    'h-or': 'любое из слов', 'h-not': 'без исключённого слова', 'h-prefix': 'начало слова',
    'h-title': 'слово в заголовке', 'h-date': 'период',
    results: (n) => `Найдено: ${n}`, moreThan: (n) => `Найдено более ${n}`, showing: (a, b) => `показаны ${a}–${b}`,
    none: 'Ничего не найдено.', loading: 'Поиск…', prev: '← Назад', next: 'Дальше →',
    page: (p, n) => `страница ${p} из ${n}`, undated: 'без даты', untitled: '(без заголовка)',
    original: 'Исходная публикация', versions: 'Версии', version: (v) => `версия ${v}`,
    back: '← Назад', seen: 'получена', removed: 'удалена с сайта',
    corpus: (n) => `Релизов в базе: ${n}`,
    enterQuery: 'Введите запрос: поиск находит релизы на русском и английском.',
    error: 'Ошибка', uiName: 'EN', uiLabel: 'Interface in English',
    counterpart: (lang) => (lang === 'ru' ? 'Вероятно, та же новость на русском:'
                                          : 'Вероятно, та же новость на английском:'),
    sameStory: (lang) => (lang === 'ru' ? 'Та же новость на русском (факты совпадают):'
                                        : 'Та же новость на английском (факты совпадают):'),
    navSearch: 'Поиск', officials: 'Должностные лица', timeline: 'Динамика',
    alsoIn: (lang) => `Также ${lang === 'ru' ? 'на русском' : 'на английском'}:`,
    'fact-date': 'дата', 'fact-official': 'должностное лицо', 'fact-figure': 'показатель',
    'fact-program': 'программа', 'fact-commitment': 'обязательство', factsLegend: 'Найденные факты',
    timelines: 'Динамика показателей', releases: 'Релизов',
    officialsCount: (n) => `Должностных лиц: ${n}`,
    noOfficials: 'Должностные лица не найдены.', indicator: 'Показатель', show: 'Показать',
    enterIndicator: 'Введите показатель, например «материнская смертность».',
    period: 'Период', value: 'Значение', language: 'Язык', published: 'Опубликовано',
    evidence: 'Цитата', target: 'срок', commitmentKey: 'обязательство (срок)',
    otherUnits: (n) => `Значений в других единицах: ${n} (в таблице, не на графике).`,
    changesOnly: (n) => `Изменений без значения: ${n} (в таблице).`,
    commitments: 'Обязательства в этих релизах',
    reportedValues: (n) => `Значений: ${n}`,
    noValues: 'Значений нет.', chartLabel: 'Значения показателя по времени',
  },
};

let uiLang = chooseUiLang();
const t = (key, ...args) => {
  const s = STRINGS[uiLang][key];
  return typeof s === 'function' ? s(...args) : s;
};

function chooseUiLang() {
  const fromUrl = new URLSearchParams(location.search).get('ui');
  if (fromUrl === 'ru' || fromUrl === 'en') return fromUrl;
  try {
    const saved = localStorage.getItem('pressmine.ui');
    if (saved === 'ru' || saved === 'en') return saved;
  } catch (e) { /* storage may be disabled */ }
  return (navigator.language || '').toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

// Element factory: el('a', {class: 'x', href: '?doc=1'}, 'text', child, ...). Children are
// strings (inserted as text) or nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

const $ = (id) => document.getElementById(id);

function applyUiStrings() {
  document.documentElement.lang = uiLang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  }
  const toggle = $('ui-lang');
  toggle.textContent = t('uiName');
  toggle.setAttribute('aria-label', t('uiLabel'));
}

function setStatus(text, isError) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', Boolean(isError));
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

// A snippet marks matches as **word**; split on the markers and wrap every other piece in
// <mark>, each piece inserted as text.
function snippetNodes(snippet) {
  const parts = String(snippet || '').split('**');
  const nodes = [];
  parts.forEach((part, i) => {
    if (part === '') return;
    nodes.push(i % 2 === 1 ? el('mark', {}, part) : document.createTextNode(part));
  });
  return nodes;
}

function langBadge(lang) {
  const code = ['ru', 'en'].includes(lang) ? lang : 'other';
  return el('span', { class: `badge lang-${code}`, title: lang }, String(lang || '?').toUpperCase());
}

// Only http(s) links: a crawled "javascript:" URL must never become a link.
function safeHttpUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function langAttr(lang) {
  return lang === 'ru' || lang === 'en' ? lang : undefined;
}

// ---- search view ----

function searchParamsFromUrl() {
  const url = new URLSearchParams(location.search);
  const page = Math.max(1, parseInt(url.get('page') || '1', 10) || 1);
  return {
    q: url.get('q') || '', lang: url.get('lang') || '', source: url.get('source') || '',
    from: url.get('from') || '', to: url.get('to') || '', sort: url.get('sort') || 'relevance',
    mono: url.get('mono') === '1', page,
  };
}

// Sets the defaults as well as the values, so the form's reset returns to the URL's search and
// the markup itself records it.
function fillForm(s) {
  for (const id of ['q', 'from', 'to']) {
    $(id).defaultValue = s[id];
    $(id).value = s[id];
  }
  const sort = s.sort === 'date' ? 'date' : 'relevance';
  for (const [id, value] of [['lang', s.lang], ['source', s.source], ['sort', sort]]) {
    for (const option of $(id).options) option.defaultSelected = option.value === value;
    $(id).value = value;
  }
  $('mono').defaultChecked = s.mono;
  $('mono').checked = s.mono;
}

// The page URL for a search state; empty values are left out so shared links stay short.
function pageUrl(s, page) {
  const url = new URLSearchParams();
  for (const key of ['q', 'lang', 'source', 'from', 'to']) if (s[key]) url.set(key, s[key]);
  if (s.sort === 'date') url.set('sort', 'date');
  if (s.mono) url.set('mono', '1');
  if (page > 1) url.set('page', String(page));
  return `/?${url.toString()}`;
}

function apiSearchUrl(s) {
  const url = new URLSearchParams();
  url.set('q', s.q);
  for (const key of ['lang', 'source', 'from', 'to']) if (s[key]) url.set(key, s[key]);
  if (s.sort === 'date') url.set('sort', 'date');
  if (s.mono) url.set('mono', '1');
  url.set('limit', String(PAGE_SIZE));
  url.set('offset', String((s.page - 1) * PAGE_SIZE));
  return `/api/search?${url.toString()}`;
}

function renderHit(hit) {
  const lang = langAttr(hit.lang);
  return el('li', { class: 'hit', 'data-id': String(hit.id), 'data-lang': hit.lang },
    el('div', { class: 'meta' },
      langBadge(hit.lang),
      el('time', {}, hit.published || t('undated')),
      el('span', { class: 'source' }, hit.source || '')),
    el('h2', { lang }, el('a', { href: `/?doc=${encodeURIComponent(hit.id)}` },
      hit.title || t('untitled'))),
    el('p', { class: 'snippet', lang }, ...snippetNodes(hit.snippet)),
    renderTranslations(hit));
}

// The story's other-language versions (story links found from the facts), beside the hit. The
// search answer carries each version's id, language and title, so no further request is made.
function renderTranslations(hit) {
  const versions = Array.isArray(hit.translations) ? hit.translations : [];
  if (versions.length === 0) return null;
  const aside = el('aside', { class: 'also' });
  for (const version of versions) {
    const link = el('a', {
      href: `/?doc=${encodeURIComponent(version.id)}`, 'data-id': String(version.id),
      lang: langAttr(version.lang),
    }, version.title || t('untitled'));
    aside.append(el('span', { class: 'also-item' },
      el('span', { class: 'label' }, t('alsoIn', version.lang)), ' ', langBadge(version.lang), ' ',
      link));
  }
  return aside;
}

function renderPager(s, total) {
  const pager = $('pager');
  pager.replaceChildren();
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return;
  const prev = s.page > 1
    ? el('a', { href: pageUrl(s, s.page - 1), rel: 'prev', id: 'prev' }, t('prev'))
    : el('span', { class: 'disabled' }, t('prev'));
  const next = s.page < pages
    ? el('a', { href: pageUrl(s, s.page + 1), rel: 'next', id: 'next' }, t('next'))
    : el('span', { class: 'disabled' }, t('next'));
  pager.append(prev, el('span', { class: 'page' }, t('page', s.page, pages)), next);
}

async function runSearch(s) {
  document.title = `${s.q} — pressmine`;
  setStatus(t('loading'));
  try {
    const data = await getJson(apiSearchUrl(s));
    const list = $('results');
    list.replaceChildren(...data.hits.map(renderHit));
    if (data.total === 0) {
      setStatus(t('none'));
    } else {
      const first = (s.page - 1) * PAGE_SIZE + 1;
      const last = first + data.hits.length - 1;
      // A broad query is ranked over its newest matches only; its total is then a lower bound.
      const found = data.total_exact === false ? t('moreThan', data.total) : t('results', data.total);
      setStatus(data.hits.length ? `${found}, ${t('showing', first, last)}` : found);
    }
    renderPager(s, data.total);
    document.body.dataset.view = 'results';
  } catch (e) {
    $('results').replaceChildren();
    setStatus(`${t('error')}: ${e.message}`, true);
    document.body.dataset.view = 'error';
  }
}

// ---- document view ----

function renderDocument(doc) {
  const lang = langAttr(doc.lang);
  const article = $('doc');
  const back = el('a', { href: '/', class: 'back' }, t('back'));
  back.addEventListener('click', (event) => {
    if (history.length > 1 && document.referrer.startsWith(location.origin)) {
      event.preventDefault();
      history.back();
    }
  });
  const meta = el('div', { class: 'meta' },
    langBadge(doc.lang),
    el('time', {}, doc.published || t('undated')),
    el('span', { class: 'source' }, doc.source || ''),
    doc.site ? el('span', {}, doc.site) : null,
    doc.author ? el('span', {}, doc.author) : null,
    doc.version > 1 ? el('span', {}, t('version', doc.version)) : null,
    doc.removed_at ? el('span', {}, `${t('removed')} ${doc.removed_at}`) : null);
  const href = doc.url ? safeHttpUrl(doc.url) : null;
  const original = href
    ? el('a', { class: 'original', href, rel: 'noopener noreferrer nofollow', target: '_blank' },
      `${t('original')}: ${doc.url}`)
    : null;
  const { paragraphs, shown } = highlightedParagraphs(String(doc.text || ''), doc.facts);
  const body = el('div', { class: 'body', lang }, ...paragraphs);
  let versions = null;
  if (Array.isArray(doc.history) && doc.history.length > 1) {
    versions = el('section', { class: 'versions' }, el('h2', {}, t('versions')),
      el('ol', {}, ...doc.history.map((v) => el('li', {},
        `${t('version', v.version)} · ${v.published || t('undated')} · `,
        el('span', { lang: langAttr(v.lang) }, v.title || t('untitled'))))));
  }
  const parts = [back, meta, el('h1', { lang }, doc.title || t('untitled')), original,
    factLegend(shown), body, indicatorLinks(shown), versions];
  article.replaceChildren(...parts.filter((part) => part !== null));
}

// The same story in the other language, if the ministry published one: a search for the
// title's words (translated by the server's cross-language search) among the other language's
// releases within a few days of this one. A guess, labelled as such on the page.
const COUNTERPART_DAYS = 3;
const COUNTERPART_WORDS = 12;

function shiftDay(isoDay, days) {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function findCounterpart(doc) {
  // A story link (the two releases' facts match) is better evidence than a title search.
  const linked = Array.isArray(doc.translations) ? doc.translations : [];
  if (linked.length) {
    try {
      const other = await getJson(`/api/doc/${encodeURIComponent(linked[0].id)}`);
      return { ...other, linked: true };
    } catch (e) {
      /* fall back to the search */
    }
  }
  if (!['ru', 'en'].includes(doc.lang) || !doc.published || !doc.title) return null;
  // Letters and digits only: the title must not become query syntax (OR, quotes, -word).
  const words = (doc.title.match(/[\p{L}\p{N}]{4,}/gu) || []).slice(0, COUNTERPART_WORDS);
  const from = shiftDay(doc.published.slice(0, 10), -COUNTERPART_DAYS);
  const to = shiftDay(doc.published.slice(0, 10), COUNTERPART_DAYS);
  if (words.length === 0 || !from || !to) return null;
  const url = new URLSearchParams({
    q: words.join(' OR '), lang: doc.lang === 'ru' ? 'en' : 'ru', from, to, limit: '1',
  });
  try {
    const found = await getJson(`/api/search?${url.toString()}`);
    return found.hits.length ? found.hits[0] : null;
  } catch (e) {
    return null;  // a missing counterpart is not an error worth showing
  }
}

function renderCounterpart(hit) {
  const lang = langAttr(hit.lang);
  return el('aside', { class: 'counterpart', id: 'counterpart' },
    el('span', { class: 'label' }, t(hit.linked ? 'sameStory' : 'counterpart', hit.lang)), ' ',
    langBadge(hit.lang), ' ',
    el('a', { href: `/?doc=${encodeURIComponent(hit.id)}`, lang }, hit.title || t('untitled')),
    ' ', el('time', {}, hit.published || ''));
}

async function showDocument(id) {
  showOnly('doc');
  setStatus(t('loading'));
  try {
    const doc = await getJson(`/api/doc/${encodeURIComponent(id)}`);
    document.title = `${doc.title || t('untitled')} — pressmine`;
    setStatus('');
    renderDocument(doc);
    const counterpart = await findCounterpart(doc);
    if (counterpart) $('doc').querySelector('h1').after(renderCounterpart(counterpart));
    document.body.dataset.view = 'doc';
  } catch (e) {
    setStatus(`${t('error')}: ${e.message}`, true);
    document.body.dataset.view = 'error';
  }
}

// ---- start ----

async function loadSources(selected) {
  try {
    const stats = await getJson('/api/stats');
    const select = $('source');
    for (const name of Object.keys(stats.by_source || {})) {
      select.append(el('option', { value: name }, name));
    }
    if (selected && !Object.hasOwn(stats.by_source || {}, selected)) {
      select.append(el('option', { value: selected }, selected));
    }
    $('corpus').textContent = t('corpus', stats.documents);
  } catch (e) {
    $('corpus').textContent = '';
  }
}

function wireForm() {
  const form = $('search');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const s = {
      q: $('q').value.trim(), lang: $('lang').value, source: $('source').value,
      from: $('from').value, to: $('to').value, sort: $('sort').value, mono: $('mono').checked,
    };
    if (s.q === '') {
      setStatus(t('enterQuery'));
      return;
    }
    location.assign(pageUrl(s, 1));
  });
  // A changed filter re-runs the search at once, when there is a query.
  for (const id of ['lang', 'source', 'from', 'to', 'sort', 'mono']) {
    $(id).addEventListener('change', () => {
      if ($('q').value.trim() !== '') form.requestSubmit();
    });
  }
  $('ui-lang').addEventListener('click', () => {
    uiLang = uiLang === 'ru' ? 'en' : 'ru';
    try { localStorage.setItem('pressmine.ui', uiLang); } catch (e) { /* ignore */ }
    location.reload();
  });
}

async function start() {
  applyUiStrings();
  wireForm();
  const url = new URLSearchParams(location.search);
  if (url.has('doc')) {
    await showDocument(url.get('doc'));
    return;
  }
  if (url.get('view') === 'officials') {
    await showOfficials();
    return;
  }
  if (url.get('view') === 'timeline') {
    await showTimeline((url.get('indicator') || '').trim());
    return;
  }
  showOnly('search');
  $('results').hidden = false;
  $('pager').hidden = false;
  const s = searchParamsFromUrl();
  await loadSources(s.source);
  fillForm(s);
  if (s.q) {
    await runSearch(s);
  } else {
    setStatus(t('enterQuery'));
    document.body.dataset.view = 'home';
  }
}

document.addEventListener('DOMContentLoaded', start);
