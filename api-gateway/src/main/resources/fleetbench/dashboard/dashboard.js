// The Fleetbench dashboard: one ES module without dependencies, served by the API gateway at /.
//
// Every value that the API returns comes from monitored hosts and may be hostile: container names, labels, image
// references and reasons are set by anyone who can start containers there. This module therefore builds the page only with
// createElement, createTextNode, textContent and setAttribute, and puts values from the API into links only as
// encodeURIComponent-encoded parts of the page's own hash routes.

const STATUSES = ['PASS', 'WARN', 'INFO', 'NOTE'];
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const API_BASE = '/api/v1/';
const SESSION_PATH = '/dashboard/session';

/** Hosts per page of the fleet view, below the API's maximum of 1000. */
const HOST_PAGE_SIZE = 50;

/** Rows per page of the findings, check and history lists. */
const LIST_PAGE_SIZE = 100;

/** The trend chart covers this many hours back from now, at most TREND_MAX_POINTS reports. */
const TREND_HOURS = 24;
const TREND_MAX_POINTS = 1000;

// ---------------------------------------------------------------------------------------------------------------
// DOM construction

/**
 * Creates an HTML element with attributes and children. Strings and numbers among the children become text nodes,
 * and null, undefined and false are skipped. Attribute names that start with "on", and "style", are rejected,
 * because the page sets no inline event handler or style.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  appendChildren(element, children);
  return element;
}

/** Creates an SVG element with attributes and children, as el does for HTML. */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG_NAMESPACE, tag);
  setAttributes(element, attributes);
  appendChildren(element, children);
  return element;
}

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    const lowerName = name.toLowerCase();
    if (lowerName.startsWith('on') || lowerName === 'style') {
      throw new Error(`Attribute ${name} is not allowed: attach listeners with addEventListener and style with classes`);
    }
    if (value === undefined || value === null || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

function appendChildren(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    const node = typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child;
    element.appendChild(node);
  }
}

/** Creates a link to a hash route of this page. */
function link(segments, params, ...children) {
  return el('a', { href: routeHref(segments, params) }, ...children);
}

// ---------------------------------------------------------------------------------------------------------------
// Routes and API paths

/**
 * Returns the hash of a route, such as #/hosts/web%2F1?status=WARN. Each path segment is encoded with
 * encodeURIComponent, so an id that contains '/', '?' or '#' stays one segment. Parameters with an empty value are
 * left out, and array values become repeated parameters.
 */
export function routeHref(segments, params = {}) {
  const path = segments.map((segment) => encodeURIComponent(segment)).join('/');
  const query = queryString(params);
  return '#/' + path + (query ? '?' + query : '');
}

/** Splits a location hash into decoded path segments and its query parameters. */
export function parseRoute(hash) {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const questionMark = text.indexOf('?');
  const path = questionMark < 0 ? text : text.slice(0, questionMark);
  const query = questionMark < 0 ? '' : text.slice(questionMark + 1);
  const segments = path.split('/').filter((segment) => segment !== '').map(decodeSegment);
  return { segments, params: new URLSearchParams(query) };
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape in a hand-edited URL: keep the text as typed, so the API reports it as not found.
    return segment;
  }
}

/** Returns the same-origin path of an API endpoint, with each segment encoded, such as /api/v1/hosts/a%2Fb/report. */
export function apiPath(segments, params = {}) {
  const path = API_BASE + segments.map((segment) => encodeURIComponent(segment)).join('/');
  const query = queryString(params);
  return query ? path + '?' + query : path;
}

function queryString(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const single of values) {
      if (single !== undefined && single !== null && String(single) !== '') {
        query.append(name, String(single));
      }
    }
  }
  return query.toString();
}

/** Splits a label filter typed as "env=prod, team=web" into the repeated label parameters of the API. */
export function splitLabels(text) {
  return text.split(/[\s,]+/).filter((label) => label !== '');
}

// ---------------------------------------------------------------------------------------------------------------
// API client

/** An error response of the API or the gateway, with its RFC 9457 problem detail when the body had one. */
export class ApiError extends Error {
  constructor(status, problem, path) {
    super((problem && problem.detail) || `HTTP ${status} from ${path}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.path = path;
  }
}

async function request(path, options = {}) {
  // Resolved against the origin, because a page opened with user:password@ in its URL has a base URL with
  // credentials, and fetch rejects relative URLs that resolve to one.
  const response = await fetch(window.location.origin + path, {
    credentials: 'same-origin',
    cache: 'no-store',
    ...options,
    headers: { Accept: 'application/json, application/problem+json', ...(options.headers || {}) },
  });
  const contentType = response.headers.get('Content-Type') || '';
  const body = contentType.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, body, path);
  }
  return body;
}

function getJson(path) {
  return request(path);
}

function sendJson(method, path, body) {
  return request(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

/** Formats a score percentage with one decimal, or a dash when the API sent null (no scored findings). */
export function formatScore(score) {
  return typeof score === 'number' && Number.isFinite(score) ? `${score.toFixed(1)} %` : '–';
}

/** Formats an ISO-8601 instant as "2026-12-04 10:00:00 UTC", or returns the text unchanged if it does not parse. */
export function formatTime(instant) {
  if (instant === null || instant === undefined) {
    return '–';
  }
  const time = Date.parse(instant);
  if (Number.isNaN(time)) {
    return String(instant);
  }
  return new Date(time).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function formatLabels(labels) {
  const entries = Object.entries(labels || {});
  return entries.length === 0 ? '–' : entries.map(([key, value]) => `${key}=${value}`).join(', ');
}

function count(counts, status) {
  return counts && typeof counts[status] === 'number' ? counts[status] : 0;
}

function statusBadge(status) {
  return el('span', { class: `status status-${STATUSES.includes(status) ? status.toLowerCase() : 'other'}` }, status);
}

/** Returns a table with the given header cells and rows, or a paragraph with emptyText when there are no rows. */
function table(headers, rows, emptyText) {
  if (rows.length === 0) {
    return el('p', { class: 'empty' }, emptyText);
  }
  return el('table', {},
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, rows));
}

function countCells(counts, waived) {
  return [...STATUSES.map((status) => el('td', { class: 'number' }, count(counts, status))),
    el('td', { class: 'number' }, waived ?? 0)];
}

const COUNT_HEADERS = [...STATUSES, 'waived'];

function pager(firstHref, nextHref) {
  return el('nav', { class: 'pager', 'aria-label': 'Pages' },
    firstHref ? el('a', { href: firstHref }, 'First page') : null,
    nextHref ? el('a', { href: nextHref }, 'Next page') : el('span', { class: 'muted' }, 'Last page'));
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

/**
 * Renders an error for the user: the problem detail's title and detail, the rejected parameter and value, the list
 * of invalid fields, and what to do for 401 and 429.
 */
export function renderError(error) {
  if (!(error instanceof ApiError)) {
    return el('div', { class: 'error', role: 'alert' },
      el('p', {}, `The request failed before the gateway responded: ${error && error.message}`),
      el('p', {}, 'Check that the gateway is running, then reload the page.'));
  }
  const problem = error.problem || {};
  const box = el('div', { class: 'error', role: 'alert' },
    el('p', { class: 'error-title' }, `${error.status} ${problem.title || 'Error'}`),
    problem.detail ? el('p', {}, problem.detail) : null);
  if (problem.parameter) {
    box.appendChild(el('p', {}, `Parameter ${problem.parameter}`,
      problem.value === undefined ? '' : `, value ${JSON.stringify(problem.value)}`));
  }
  if (Array.isArray(problem.errors)) {
    box.appendChild(el('ul', {}, problem.errors.map((message) => el('li', {}, String(message)))));
  }
  if (error.status === 401) {
    box.appendChild(el('p', {}, 'Reload the page to sign in again.'));
  }
  if (error.status === 429 && problem.retryAfterSeconds) {
    box.appendChild(el('p', {}, `Retry in ${problem.retryAfterSeconds} s.`));
  }
  if (problem.requestId) {
    box.appendChild(el('p', { class: 'muted' }, `Request id ${problem.requestId}`));
  }
  return box;
}

// ---------------------------------------------------------------------------------------------------------------
// Fleet view: GET /api/v1/fleet/summary

/** Returns the checks in benchmark order (the API's order), or by WARN count, highest first, for sort=warn. */
export function sortChecks(checks, sort) {
  if (sort !== 'warn') {
    return checks.slice();
  }
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => count(b.check.counts, 'WARN') - count(a.check.counts, 'WARN') || a.index - b.index)
    .map((entry) => entry.check);
}

/** Renders the fleet summary. params are the route's parameters: label, hostCursor and sort. */
export function renderFleet(summary, params) {
  const labels = params.getAll('label');
  const sort = params.get('sort') || '';
  const baseParams = { label: labels, sort };

  const labelInput = el('input', { type: 'text', name: 'label', value: labels.join(', '),
    placeholder: 'env=prod, team=web', 'aria-label': 'Label filter' });
  const filter = el('form', { class: 'filters' },
    el('label', {}, 'Labels ', labelInput),
    el('button', { type: 'submit' }, 'Filter'),
    labels.length > 0 ? link(['fleet'], { sort }, 'Clear') : null);
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(routeHref(['fleet'], { label: splitLabels(labelInput.value), sort }));
  });

  const tiles = el('div', { class: 'tiles' },
    tile('Score', formatScore(summary.score)),
    tile('Hosts', summary.hostCount),
    tile('Stale hosts', summary.staleHostCount),
    STATUSES.map((status) => tile(status, count(summary.counts, status), `tile-${status.toLowerCase()}`)),
    tile('Waived', summary.waived));

  const sectionRows = (summary.sections || []).map((section) => el('tr', {},
    el('td', {}, section.section), el('td', { class: 'number' }, formatScore(section.score)),
    countCells(section.counts, section.waived)));

  // The WARN column header of the checks switches between benchmark order and WARN count.
  const warnSortHeader = sort === 'warn'
    ? link(['fleet'], { label: labels }, el('span', { title: 'Back to benchmark order' }, 'WARN ▼'))
    : link(['fleet'], { label: labels, sort: 'warn' }, el('span', { title: 'Sort by WARN count' }, 'WARN'));
  const checkRows = sortChecks(summary.checks || [], sort).map((check) => el('tr', {},
    el('td', {}, link(['checks', check.checkId], { status: 'WARN' }, check.checkId)),
    el('td', {}, check.title), el('td', {}, check.benchmarkVersion), el('td', {}, check.section),
    countCells(check.counts, check.waived)));
  const checkHeaders = ['Check', 'Title', 'Benchmark', 'Section',
    ...COUNT_HEADERS.map((header) => (header === 'WARN' ? warnSortHeader : header))];

  const hostRows = (summary.hosts || []).map((host) => el('tr', { class: host.stale ? 'stale' : null },
    el('td', {}, link(['hosts', host.hostId], {}, host.name || host.hostId)),
    el('td', { class: 'mono' }, host.hostId),
    el('td', { class: 'number' }, formatScore(host.score)),
    el('td', {}, host.stale ? 'stale' : ''),
    countCells(host.counts, host.waived)));
  const firstHref = params.get('hostCursor') ? routeHref(['fleet'], baseParams) : null;
  const nextHref = summary.nextHostCursor
    ? routeHref(['fleet'], { ...baseParams, hostCursor: summary.nextHostCursor })
    : null;

  return el('section', {},
    el('h1', {}, labels.length > 0 ? `Fleet: ${labels.join(', ')}` : 'Fleet'),
    filter,
    tiles,
    el('h2', {}, 'Hosts'),
    table(['Host', 'Id', 'Score', 'Stale', ...COUNT_HEADERS], hostRows, 'No host matches.'),
    pager(firstHref, nextHref),
    el('h2', {}, 'Sections'),
    table(['Section', 'Score', ...COUNT_HEADERS], sectionRows, 'No current findings.'),
    el('h2', {}, 'Checks'),
    table(checkHeaders, checkRows, 'No current findings.'));
}

function tile(name, value, extraClass) {
  return el('div', { class: extraClass ? `tile ${extraClass}` : 'tile' },
    el('span', { class: 'tile-name' }, name), el('span', { class: 'tile-value' }, value ?? '–'));
}

async function loadFleet(params) {
  const summary = await getJson(apiPath(['fleet', 'summary'], {
    label: params.getAll('label'),
    hostLimit: HOST_PAGE_SIZE,
    hostCursor: params.get('hostCursor'),
  }));
  return renderFleet(summary, params);
}

// ---------------------------------------------------------------------------------------------------------------
// Host view: GET /api/v1/hosts/{id}/report, /trend and /history

/**
 * Renders the score trend as an inline SVG line chart: time on the x axis, score from 0 to 100 % on the y axis.
 * Points without a score (no scored findings) are left out.
 */
export function renderTrendChart(points) {
  const scored = points.filter((point) => typeof point.score === 'number' && !Number.isNaN(Date.parse(point.collectedAt)));
  if (scored.length === 0) {
    return el('p', { class: 'empty' }, `No scored report in the last ${TREND_HOURS} hours.`);
  }
  const width = 640;
  const height = 160;
  const left = 44;
  const right = 12;
  const top = 10;
  const bottom = 26;
  const times = scored.map((point) => Date.parse(point.collectedAt));
  const first = Math.min(...times);
  const span = Math.max(Math.max(...times) - first, 1);
  const x = (time) => left + ((time - first) / span) * (width - left - right);
  const y = (score) => top + (1 - Math.min(Math.max(score, 0), 100) / 100) * (height - top - bottom);

  const latest = scored[scored.length - 1];
  const chart = svg('svg', {
    class: 'trend', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Score trend over ${scored.length} reports, latest ${formatScore(latest.score)}`,
  });
  chart.appendChild(svg('title', {}, `Score trend over ${scored.length} reports`));
  for (const score of [0, 50, 100]) {
    chart.appendChild(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y(score), y2: y(score) }));
    chart.appendChild(svg('text', { class: 'axis', x: left - 6, y: y(score) + 4, 'text-anchor': 'end' }, `${score} %`));
  }
  chart.appendChild(svg('text', { class: 'axis', x: left, y: height - 6 }, formatTime(scored[0].collectedAt)));
  chart.appendChild(svg('text', { class: 'axis', x: width - right, y: height - 6, 'text-anchor': 'end' },
    formatTime(latest.collectedAt)));

  const coordinates = scored.map((point, index) => `${x(times[index]).toFixed(1)},${y(point.score).toFixed(1)}`);
  chart.appendChild(svg('polyline', { class: 'line', points: coordinates.join(' ') }));
  scored.forEach((point, index) => {
    chart.appendChild(svg('circle', { class: 'point', cx: x(times[index]).toFixed(1), cy: y(point.score).toFixed(1), r: 3 },
      svg('title', {}, `${formatTime(point.collectedAt)}: ${formatScore(point.score)}, ${point.warn} WARN, `
        + `${point.waived} waived (snapshot ${point.snapshotSequence})`)));
  });
  return chart;
}

/** Renders the host's findings as a table, with waived findings marked and linked to the host's waivers. */
export function renderFindingRows(hostId, findings) {
  return findings.map((finding) => el('tr', { class: finding.waived ? 'waived' : null },
    el('td', {}, link(['checks', finding.checkId], { status: finding.status }, finding.checkId)),
    el('td', {}, finding.title),
    el('td', { class: 'mono' }, finding.targetKey),
    el('td', {}, statusBadge(finding.status),
      finding.waived
        ? [' ', link(['waivers'], { host: hostId }, el('span', { class: 'badge' }, `waived by waiver ${finding.waiverId}`))]
        : null),
    el('td', {}, finding.reason),
    el('td', {}, finding.remediation || ''),
    el('td', {}, formatTime(finding.lastChanged))));
}

/** Renders the host view from its report, trend page and history page. params: status and historyCursor. */
export function renderHost(report, trend, history, params) {
  const host = report.host;
  const status = params.get('status') || '';
  const trendItems = trend.items || [];

  const statusSelect = el('select', { name: 'status', 'aria-label': 'Status filter' },
    el('option', { value: '', selected: status === '' }, 'All statuses'),
    STATUSES.map((value) => el('option', { value, selected: status === value }, value)));
  const filter = el('form', { class: 'filters' }, el('label', {}, 'Status ', statusSelect),
    el('button', { type: 'submit' }, 'Show'));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(routeHref(['hosts', host.hostId], { status: statusSelect.value }));
  });

  const facts = el('dl', { class: 'facts' },
    fact('Host id', host.hostId),
    fact('Labels', formatLabels(host.labels)),
    // The report has no score, because only scored recommendations count, so it comes from the newest trend point.
    fact('Score', trendItems.length > 0 ? formatScore(trendItems[trendItems.length - 1].score) : '–'),
    fact('Last seen', `${formatTime(host.lastSeen)}${host.stale ? ' (stale)' : ''}`),
    fact('Engine', host.engineVersion),
    fact('Agent', host.agentVersion),
    fact('Benchmark', report.benchmarkVersion),
    fact('Snapshot', report.snapshotSequence),
    fact('Findings', STATUSES.map((value) => `${value} ${count(host.counts, value)}`).join(', ')
      + `, waived ${host.waived ?? 0}`));

  const historyRows = (history.items || []).map((transition) => el('tr', {},
    el('td', {}, formatTime(transition.occurredAt)),
    el('td', {}, transition.kind),
    el('td', {}, link(['checks', transition.checkId], {}, transition.checkId)),
    el('td', { class: 'mono' }, transition.targetKey),
    el('td', {}, `${transition.fromStatus || '–'} → ${transition.toStatus || '–'}`),
    el('td', {}, transition.reason)));
  const historyParams = { status };
  const nextHistoryHref = history.nextCursor
    ? routeHref(['hosts', host.hostId], { ...historyParams, historyCursor: history.nextCursor })
    : null;
  const firstHistoryHref = params.get('historyCursor') ? routeHref(['hosts', host.hostId], historyParams) : null;

  return el('section', {},
    el('h1', {}, `Host ${host.name || host.hostId}`, host.stale ? el('span', { class: 'badge' }, 'stale') : null),
    facts,
    el('h2', {}, `Score, last ${TREND_HOURS} hours`),
    renderTrendChart(trendItems),
    trend.nextCursor ? el('p', { class: 'muted' }, `Showing the first ${trendItems.length} reports of the period.`) : null,
    el('h2', {}, 'Current findings'),
    filter,
    table(['Check', 'Title', 'Target', 'Status', 'Reason', 'Remediation', 'Last changed'],
      renderFindingRows(host.hostId, report.findings || []), 'No finding matches.'),
    el('h2', {}, 'History'),
    table(['Time', 'Change', 'Check', 'Target', 'Status', 'Reason'], historyRows, 'No recorded change.'),
    pager(firstHistoryHref, nextHistoryHref));
}

function fact(name, value) {
  return [el('dt', {}, name), el('dd', {}, value ?? '–')];
}

async function loadHost(hostId, params) {
  const from = new Date(Date.now() - TREND_HOURS * 3600 * 1000).toISOString();
  const [report, trend, history] = await Promise.all([
    getJson(apiPath(['hosts', hostId, 'report'], { status: params.get('status') })),
    getJson(apiPath(['hosts', hostId, 'trend'], { from, limit: TREND_MAX_POINTS })),
    getJson(apiPath(['hosts', hostId, 'history'], { limit: LIST_PAGE_SIZE, cursor: params.get('historyCursor') })),
  ]);
  return renderHost(report, trend, history, params);
}

// ---------------------------------------------------------------------------------------------------------------
// Findings search (GET /api/v1/findings) and one check across the fleet (GET /api/v1/checks/{id}/findings)

const FINDING_FILTERS = ['status', 'check', 'label', 'target', 'image'];

/** Renders the items of a fleet-wide finding list, with waived findings marked and linked to the host's waivers. */
export function renderFleetFindingRows(items) {
  return items.map((finding) => el('tr', { class: finding.waived ? 'waived' : null },
    el('td', {}, link(['hosts', finding.hostId], {}, finding.hostName || finding.hostId)),
    el('td', {}, link(['checks', finding.checkId], { status: finding.status }, finding.checkId)),
    el('td', {}, finding.title),
    el('td', { class: 'mono' }, finding.targetKey),
    el('td', {}, statusBadge(finding.status),
      finding.waived
        ? [' ', link(['waivers'], { host: finding.hostId },
          el('span', { class: 'badge' }, `waived by waiver ${finding.waiverId}`))]
        : null),
    el('td', {}, finding.reason),
    el('td', {}, formatTime(finding.lastChanged)),
    el('td', {}, formatTime(finding.hostLastSeen))));
}

const FLEET_FINDING_HEADERS = ['Host', 'Check', 'Title', 'Target', 'Status', 'Reason', 'Last changed', 'Host last seen'];

/** Renders the findings search with its filter form. params: the filters of FINDING_FILTERS and cursor. */
export function renderFindings(page, params) {
  const filterValues = {};
  const inputs = {};
  for (const name of FINDING_FILTERS) {
    filterValues[name] = name === 'label' ? params.getAll(name) : params.get(name) || '';
  }
  inputs.status = el('select', { name: 'status' },
    el('option', { value: '', selected: filterValues.status === '' }, 'Any'),
    STATUSES.map((value) => el('option', { value, selected: filterValues.status === value }, value)));
  inputs.check = el('input', { type: 'text', name: 'check', value: filterValues.check, placeholder: '5.10', size: 8 });
  inputs.label = el('input', { type: 'text', name: 'label', value: filterValues.label.join(', '),
    placeholder: 'env=prod' });
  inputs.target = el('input', { type: 'text', name: 'target', value: filterValues.target, placeholder: 'container:web' });
  inputs.image = el('input', { type: 'text', name: 'image', value: filterValues.image, placeholder: 'nginx:1.25' });

  const form = el('form', { class: 'filters' },
    FINDING_FILTERS.map((name) => el('label', {}, `${name} `, inputs[name])),
    el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(routeHref(['findings'], {
      status: inputs.status.value,
      check: inputs.check.value.trim(),
      label: splitLabels(inputs.label.value),
      target: inputs.target.value.trim(),
      image: inputs.image.value.trim(),
    }));
  });

  const nextHref = page.nextCursor ? routeHref(['findings'], { ...filterValues, cursor: page.nextCursor }) : null;
  const firstHref = params.get('cursor') ? routeHref(['findings'], filterValues) : null;
  return el('section', {},
    el('h1', {}, 'Findings'),
    form,
    table(FLEET_FINDING_HEADERS, renderFleetFindingRows(page.items || []), 'No finding matches.'),
    pager(firstHref, nextHref));
}

async function loadFindings(params) {
  const page = await getJson(apiPath(['findings'], {
    status: params.get('status'),
    check: params.get('check'),
    label: params.getAll('label'),
    target: params.get('target'),
    image: params.get('image'),
    limit: LIST_PAGE_SIZE,
    cursor: params.get('cursor'),
  }));
  return renderFindings(page, params);
}

/** Renders one check across the fleet. params: status (WARN when absent, as in the API) and cursor. */
export function renderCheck(checkId, page, params) {
  const status = params.get('status') || 'WARN';
  const statusSelect = el('select', { name: 'status', 'aria-label': 'Status filter' },
    STATUSES.map((value) => el('option', { value, selected: status === value }, value)));
  const form = el('form', { class: 'filters' }, el('label', {}, 'Status ', statusSelect),
    el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(routeHref(['checks', checkId], { status: statusSelect.value }));
  });
  const nextHref = page.nextCursor ? routeHref(['checks', checkId], { status, cursor: page.nextCursor }) : null;
  const firstHref = params.get('cursor') ? routeHref(['checks', checkId], { status }) : null;
  return el('section', {},
    el('h1', {}, `Check ${checkId}`),
    form,
    table(FLEET_FINDING_HEADERS, renderFleetFindingRows(page.items || []), `No ${status} finding of this check.`),
    pager(firstHref, nextHref));
}

async function loadCheck(checkId, params) {
  const page = await getJson(apiPath(['checks', checkId, 'findings'], {
    status: params.get('status') || 'WARN',
    limit: LIST_PAGE_SIZE,
    cursor: params.get('cursor'),
  }));
  return renderCheck(checkId, page, params);
}

// ---------------------------------------------------------------------------------------------------------------
// Waivers: GET, POST /api/v1/waivers and DELETE /api/v1/waivers/{id}

/** The scope fields of a waiver, of which a request sets exactly one. */
export const WAIVER_SCOPES = ['hostId', 'hostLabel', 'containerPattern', 'imagePattern'];

/**
 * Builds the body of POST /api/v1/waivers from the form's values. expiresAt comes from a datetime-local input in
 * local time and is sent as an ISO-8601 instant. An empty or invalid one is left out, so that the API names it.
 */
export function waiverRequestBody(values) {
  const body = {
    checkId: values.checkId.trim(),
    reason: values.reason.trim(),
    owner: values.owner.trim(),
    approver: values.approver.trim(),
  };
  if (WAIVER_SCOPES.includes(values.scope)) {
    body[values.scope] = values.scopeValue.trim();
  }
  const expires = Date.parse(values.expiresAt);
  if (!Number.isNaN(expires)) {
    body.expiresAt = new Date(expires).toISOString();
  }
  return body;
}

/**
 * Returns the form field that an error message of the waiver API is about, from the field name it starts with, or
 * null for an error about the whole request. Scope errors belong to the scope field.
 */
export function waiverErrorField(message) {
  const first = String(message).split(/[\s']/, 1)[0];
  if (['checkId', 'reason', 'owner', 'approver', 'expiresAt'].includes(first)) {
    return first;
  }
  if (WAIVER_SCOPES.includes(first) || first === 'pattern' || String(message).startsWith('the scope')) {
    return 'scope';
  }
  return null;
}

function describeScope(scope) {
  if (!scope) {
    return '–';
  }
  for (const name of WAIVER_SCOPES) {
    if (scope[name]) {
      return `${name} ${scope[name]}`;
    }
  }
  return '–';
}

/** Renders the waiver list, and for ADMIN users the create form and a revoke button per active waiver. */
export function renderWaivers(waivers, params, session) {
  const isAdmin = Boolean(session && Array.isArray(session.roles) && session.roles.includes('ADMIN'));
  const state = params.get('state') || '';
  const messages = el('div', { class: 'messages', 'aria-live': 'polite' });

  const stateSelect = el('select', { name: 'state', 'aria-label': 'State filter' },
    ['', 'active', 'expired', 'revoked'].map((value) =>
      el('option', { value, selected: state === value }, value === '' ? 'All states' : value)));
  const checkInput = el('input', { type: 'text', name: 'check', value: params.get('check') || '', size: 8 });
  const hostInput = el('input', { type: 'text', name: 'host', value: params.get('host') || '' });
  const filter = el('form', { class: 'filters' },
    el('label', {}, 'State ', stateSelect), el('label', {}, 'Check ', checkInput), el('label', {}, 'Host ', hostInput),
    el('button', { type: 'submit' }, 'Filter'));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(routeHref(['waivers'], { state: stateSelect.value, check: checkInput.value.trim(), host: hostInput.value.trim() }));
  });

  const rows = waivers.map((waiver) => {
    const actions = el('td', {});
    if (isAdmin && waiver.state === 'ACTIVE') {
      const revoke = el('button', { type: 'button', class: 'danger' }, 'Revoke');
      revoke.addEventListener('click', () => revokeWaiver(waiver.waiverId, messages));
      actions.appendChild(revoke);
    }
    return el('tr', { class: `waiver-${String(waiver.state).toLowerCase()}` },
      el('td', {}, waiver.waiverId),
      el('td', {}, link(['checks', waiver.checkId], {}, waiver.checkId)),
      el('td', { class: 'mono' }, describeScope(waiver.scope)),
      el('td', {}, waiver.state),
      el('td', {}, waiver.reason),
      el('td', {}, waiver.owner),
      el('td', {}, waiver.approver),
      el('td', {}, `${waiver.createdBy}, ${formatTime(waiver.createdAt)}`),
      el('td', {}, formatTime(waiver.expiresAt)),
      el('td', {}, waiver.revokedBy ? `${waiver.revokedBy}, ${formatTime(waiver.revokedAt)}` : ''),
      actions);
  });

  return el('section', {},
    el('h1', {}, 'Waivers'),
    filter,
    messages,
    table(['Id', 'Check', 'Scope', 'State', 'Reason', 'Owner', 'Approver', 'Created', 'Expires', 'Revoked', ''],
      rows, 'No waiver matches.'),
    isAdmin ? renderWaiverForm(messages) : el('p', { class: 'muted' }, 'Creating and revoking waivers needs role ADMIN.'));
}

function renderWaiverForm(messages) {
  const fields = {};
  const errors = {};
  const field = (name, label, input, hint) => {
    fields[name] = input;
    errors[name] = el('span', { class: 'field-error', id: `waiver-error-${name}` });
    input.setAttribute('aria-describedby', `waiver-error-${name}`);
    return el('div', { class: 'field' }, el('label', {}, label, ' ', input), hint ? el('span', { class: 'hint' }, hint) : null,
      errors[name]);
  };
  const scopeSelect = el('select', { name: 'scope', 'aria-label': 'Scope kind' },
    WAIVER_SCOPES.map((name) => el('option', { value: name }, name)));
  const scopeValue = el('input', { type: 'text', name: 'scopeValue', required: true });
  errors.scope = el('span', { class: 'field-error', id: 'waiver-error-scope' });
  scopeValue.setAttribute('aria-describedby', 'waiver-error-scope');

  const general = el('div', { class: 'form-error' });
  const form = el('form', { class: 'waiver-form' },
    el('h2', {}, 'Create a waiver'),
    field('checkId', 'Check id', el('input', { type: 'text', name: 'checkId', required: true, size: 8 })),
    el('div', { class: 'field' }, el('label', {}, 'Scope ', scopeSelect), ' ', scopeValue,
      el('span', { class: 'hint' }, 'a host id, a label key=value, or a glob with * and ?'), errors.scope),
    field('reason', 'Reason', el('input', { type: 'text', name: 'reason', required: true, size: 60 })),
    field('owner', 'Owner', el('input', { type: 'text', name: 'owner', required: true })),
    field('approver', 'Approver', el('input', { type: 'text', name: 'approver', required: true }),
      'another user than you'),
    field('expiresAt', 'Expires', el('input', { type: 'datetime-local', name: 'expiresAt', required: true }),
      'local time'),
    general,
    el('button', { type: 'submit' }, 'Create waiver'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const element of [...Object.values(errors), general]) {
      element.textContent = '';
    }
    const body = waiverRequestBody({
      checkId: fields.checkId.value, scope: scopeSelect.value, scopeValue: scopeValue.value,
      reason: fields.reason.value, owner: fields.owner.value, approver: fields.approver.value,
      expiresAt: fields.expiresAt.value,
    });
    try {
      const waiver = await sendJson('POST', apiPath(['waivers']), body);
      await rerender(`Created waiver ${waiver.waiverId}.`);
    } catch (error) {
      showWaiverErrors(error, errors, general);
    }
  });
  return form;
}

/** Puts each error of a rejected waiver request beside the field it names, and the rest above the button. */
function showWaiverErrors(error, fieldErrors, general) {
  const problem = error instanceof ApiError ? error.problem : null;
  if (problem && Array.isArray(problem.errors) && problem.errors.length > 0) {
    for (const message of problem.errors) {
      const name = waiverErrorField(message);
      // Each message starts with the field it is about, such as "expiresAt is missing".
      const target = name && fieldErrors[name] ? fieldErrors[name] : general;
      target.appendChild(el('span', {}, String(message)));
    }
    return;
  }
  general.appendChild(renderError(error));
}

async function revokeWaiver(waiverId, messages) {
  if (!window.confirm(`Revoke waiver ${waiverId}? Its findings count as WARN again.`)) {
    return;
  }
  messages.textContent = '';
  try {
    await sendJson('DELETE', apiPath(['waivers', String(waiverId)]));
    await rerender(`Revoked waiver ${waiverId}.`);
  } catch (error) {
    messages.appendChild(renderError(error));
  }
}

async function loadWaivers(params) {
  const waivers = await getJson(apiPath(['waivers'], {
    state: params.get('state'),
    check: params.get('check'),
    host: params.get('host'),
  }));
  return renderWaivers(waivers, params, currentSession);
}

// ---------------------------------------------------------------------------------------------------------------
// Navigation

let currentSession = null;
let renderCount = 0;

function navigate(hash) {
  if (window.location.hash === hash) {
    show();
  } else {
    window.location.hash = hash;
  }
}

/** Loads the view of the current hash. A view that finishes after the user moved on is dropped. */
async function show(notice) {
  const { segments, params } = parseRoute(window.location.hash || '#/fleet');
  const view = document.getElementById('view');
  const renderId = ++renderCount;
  markNavigation(segments[0] || 'fleet');
  let content;
  try {
    content = await loadView(segments, params);
  } catch (error) {
    content = renderError(error);
  }
  if (renderId !== renderCount) {
    return;
  }
  if (notice) {
    view.replaceChildren(el('p', { class: 'notice', role: 'status' }, notice), content);
  } else {
    view.replaceChildren(content);
  }
}

function rerender(notice) {
  return show(notice);
}

function loadView(segments, params) {
  const [name, id] = segments;
  if (name === 'hosts' && id !== undefined) {
    document.title = `Fleetbench: host ${id}`;
    return loadHost(id, params);
  }
  if (name === 'checks' && id !== undefined) {
    document.title = `Fleetbench: check ${id}`;
    return loadCheck(id, params);
  }
  if (name === 'findings') {
    document.title = 'Fleetbench: findings';
    return loadFindings(params);
  }
  if (name === 'waivers') {
    document.title = 'Fleetbench: waivers';
    return loadWaivers(params);
  }
  document.title = 'Fleetbench: fleet';
  return loadFleet(params);
}

/** The navigation entry that each view belongs to, for views that have none of their own. */
const NAVIGATION_PARENTS = { hosts: 'fleet', checks: 'findings' };

function markNavigation(viewName) {
  const current = NAVIGATION_PARENTS[viewName] || viewName;
  for (const anchor of document.querySelectorAll('nav a[data-view]')) {
    if (anchor.getAttribute('data-view') === current) {
      anchor.setAttribute('aria-current', 'page');
    } else {
      anchor.removeAttribute('aria-current');
    }
  }
}

async function start() {
  try {
    currentSession = await getJson(SESSION_PATH);
    const roles = Array.isArray(currentSession.roles) ? currentSession.roles.join(', ') : '';
    document.getElementById('session').textContent = `${currentSession.user} (${roles})`;
  } catch {
    // The views still work; only the waiver forms stay hidden, and each view shows its own API errors.
    document.getElementById('session').textContent = 'Signed-in user unknown';
  }
  window.addEventListener('hashchange', () => show());
  await show();
}

// Starts only in a browser page with the view container, so that tests can import the rendering functions.
if (typeof window !== 'undefined' && typeof document !== 'undefined' && document.getElementById('view')) {
  start();
}
