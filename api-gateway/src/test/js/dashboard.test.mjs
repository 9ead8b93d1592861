// Tests of the dashboard's rendering functions on a fake DOM, with node's built-in test runner (tested with node 20):
//
//   node --test api-gateway/src/test/js/
//
// Maven runs them in the api-gateway's test phase wherever /usr/bin/node exists (the dashboard-script-tests profile).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { FakeDocument, elements } from './fake-dom.mjs';

// The module is loaded from a data: URL, because node would read a .js file outside an ES-module package as CommonJS.
const source = await readFile(new URL('../../main/resources/fleetbench/dashboard/dashboard.js', import.meta.url), 'utf8');
const dashboard = await import('data:text/javascript;base64,' + Buffer.from(source).toString('base64'));

globalThis.document = new FakeDocument();

const HOSTILE = '<img src=x onerror=alert(1)>';

function tagNames(root) {
  return elements(root).map((element) => element.tagName);
}

function hrefs(root) {
  return elements(root).filter((element) => element.hasAttribute('href')).map((element) => element.getAttribute('href'));
}

function hostReport(findings) {
  return {
    host: {
      hostId: 'web-1', name: HOSTILE, labels: { env: HOSTILE }, agentVersion: '0.1.0', engineVersion: '20.10.24',
      benchmarkVersion: '1.8.0', lastSeen: '2026-12-04T10:00:00Z', stale: false,
      counts: { PASS: 3, WARN: 1, INFO: 0, NOTE: 0 }, waived: 1,
    },
    benchmarkVersion: '1.8.0',
    snapshotSequence: 7,
    findings,
  };
}

function finding(overrides) {
  return {
    checkId: '5.5', title: 'Privileged containers', section: 'Container Runtime', scored: true,
    targetKind: 'CONTAINER', targetKey: `container:${HOSTILE}`, targetId: 'abc', status: 'WARN',
    reason: `Privileged: true ${HOSTILE}`, remediation: null, firstSeen: '2026-12-04T09:00:00Z',
    lastChanged: '2026-12-04T09:00:00Z', waived: false, waiverId: null, ...overrides,
  };
}

test('container name with markup stays text', () => {
  const view = dashboard.renderHost(hostReport([finding({})]), { items: [], nextCursor: null },
    { items: [], nextCursor: null }, new URLSearchParams());

  assert.ok(!tagNames(view).includes('IMG'), 'no img element was created');
  assert.ok(view.textContent.includes(`container:${HOSTILE}`), 'the target key is shown as text');
  assert.ok(view.textContent.includes(`Host ${HOSTILE}`), 'the host name is shown as text');
  for (const element of elements(view)) {
    for (const name of element.attributes.keys()) {
      assert.ok(!name.startsWith('on'), `no ${name} attribute on ${element.tagName}`);
    }
  }
});

test('waived finding is marked with waiver', () => {
  const view = dashboard.renderHost(hostReport([finding({ waived: true, waiverId: 12 })]), { items: [] },
    { items: [] }, new URLSearchParams());

  const row = elements(view).find((element) => element.tagName === 'TR' && element.getAttribute('class') === 'waived');
  assert.ok(row, 'the row of the waived finding has class waived');
  assert.ok(row.textContent.includes('waived by waiver 12'));
  assert.ok(hrefs(row).includes('#/waivers?host=web-1'));
});

test('waived fleet finding is marked', () => {
  const rows = dashboard.renderFleetFindingRows([
    { hostId: 'web-1', hostName: 'Web 1', checkId: '5.10', title: 'Memory limit', targetKey: 'container:api',
      status: 'WARN', reason: 'no limit', lastChanged: '2026-12-04T10:00:00Z',
      hostLastSeen: '2026-12-04T10:00:00Z', waived: true, waiverId: 7 },
    { hostId: 'web-1', hostName: 'Web 1', checkId: '5.10', title: 'Memory limit', targetKey: 'container:db',
      status: 'WARN', reason: 'no limit', lastChanged: '2026-12-04T10:00:00Z',
      hostLastSeen: '2026-12-04T10:00:00Z', waived: false, waiverId: null }]);

  assert.equal(rows[0].getAttribute('class'), 'waived');
  assert.ok(rows[0].textContent.includes('waived by waiver 7'));
  assert.ok(hrefs(rows[0]).includes('#/waivers?host=web-1'));
  assert.ok(!rows[1].textContent.includes('waived by waiver'));
});

test('host score comes from trend', () => {
  const trend = { items: [
    { snapshotSequence: 6, collectedAt: '2026-12-04T09:00:00Z', score: 40, pass: 2, warn: 3, info: 0, note: 0, waived: 0 },
    { snapshotSequence: 7, collectedAt: '2026-12-04T10:00:00Z', score: 75, pass: 3, warn: 1, info: 0, note: 0, waived: 1 },
  ] };

  const view = dashboard.renderHost(hostReport([]), trend, { items: [] }, new URLSearchParams());

  const score = elements(view).find((element) => element.tagName === 'DT' && element.textContent === 'Score');
  assert.ok(score, 'the host facts list a score');
  const value = score.parentNode.childNodes[score.parentNode.childNodes.indexOf(score) + 1];
  assert.equal(value.textContent, '75.0 %');
});

test('route href encodes hostile ids', () => {
  const hostId = 'a/b?c#d&e';

  const href = dashboard.routeHref(['hosts', hostId], { status: 'WARN', label: ['env=prod', 'team=web'], cursor: '' });

  assert.equal(href, '#/hosts/a%2Fb%3Fc%23d%26e?status=WARN&label=env%3Dprod&label=team%3Dweb');
  const route = dashboard.parseRoute(href);
  assert.deepEqual(route.segments, ['hosts', hostId]);
  assert.deepEqual(route.params.getAll('label'), ['env=prod', 'team=web']);
});

test('parse route keeps malformed escapes', () => {
  assert.deepEqual(dashboard.parseRoute('#/hosts/%E0%A4%A').segments, ['hosts', '%E0%A4%A']);
});

test('api path encodes segments', () => {
  assert.equal(dashboard.apiPath(['hosts', '../waivers', 'report'], { status: 'WARN' }),
    '/api/v1/hosts/..%2Fwaivers/report?status=WARN');
  assert.equal(dashboard.apiPath(['checks', '5.10', 'findings'], { status: null, limit: 100 }),
    '/api/v1/checks/5.10/findings?limit=100');
});

test('host links use encoded ids', () => {
  const summary = {
    hostCount: 1, staleHostCount: 0, labels: {}, score: 50, counts: { PASS: 1, WARN: 1, INFO: 0, NOTE: 0 },
    waived: 0, nextHostCursor: 'next==', sections: [], checks: [],
    hosts: [{ hostId: 'x"><script>', name: HOSTILE, score: null, stale: true, counts: {}, waived: 0 }],
  };

  const view = dashboard.renderFleet(summary, new URLSearchParams('label=env=prod'));

  assert.ok(hrefs(view).includes('#/hosts/x%22%3E%3Cscript%3E'));
  assert.ok(hrefs(view).includes('#/fleet?label=env%3Dprod&hostCursor=next%3D%3D'));
  assert.ok(!tagNames(view).includes('SCRIPT'));
  assert.ok(!tagNames(view).includes('IMG'));
});

test('checks sort by WARN count', () => {
  const checks = [
    { checkId: '5.1', counts: { WARN: 1 } },
    { checkId: '5.2', counts: { WARN: 4 } },
    { checkId: '5.10', counts: { WARN: 1 } },
    { checkId: '5.3', counts: {} },
  ];

  assert.deepEqual(dashboard.sortChecks(checks, 'warn').map((check) => check.checkId), ['5.2', '5.1', '5.10', '5.3']);
  assert.deepEqual(dashboard.sortChecks(checks, '').map((check) => check.checkId), ['5.1', '5.2', '5.10', '5.3']);
});

test('trend chart draws scored points', () => {
  const points = [
    { snapshotSequence: 1, collectedAt: '2026-12-04T08:00:00Z', score: 50, pass: 1, warn: 1, info: 0, note: 0, waived: 0 },
    { snapshotSequence: 2, collectedAt: '2026-12-04T09:00:00Z', score: null, pass: 0, warn: 0, info: 1, note: 0, waived: 0 },
    { snapshotSequence: 3, collectedAt: '2026-12-04T10:00:00Z', score: 100, pass: 2, warn: 0, info: 0, note: 0, waived: 1 },
  ];

  const chart = dashboard.renderTrendChart(points);

  assert.equal(chart.tagName, 'svg');
  assert.equal(chart.namespaceURI, 'http://www.w3.org/2000/svg');
  const line = elements(chart).find((element) => element.tagName === 'polyline');
  assert.equal(line.getAttribute('points'), '44.0,72.0 628.0,10.0');
  assert.equal(elements(chart).filter((element) => element.tagName === 'circle').length, 2);
  assert.match(chart.getAttribute('aria-label'), /latest 100\.0 %/);
});

test('trend chart without scores explains', () => {
  const chart = dashboard.renderTrendChart([{ collectedAt: '2026-12-04T08:00:00Z', score: null }]);

  assert.equal(chart.tagName, 'P');
  assert.match(chart.textContent, /No scored report/);
});

test('waiver body sets one scope', () => {
  const body = dashboard.waiverRequestBody({
    checkId: ' 5.5 ', scope: 'containerPattern', scopeValue: 'web-*', reason: 'accepted', owner: 'ops',
    approver: 'lead', expiresAt: '2027-01-31T00:00:00Z',
  });

  assert.deepEqual(body, {
    checkId: '5.5', containerPattern: 'web-*', reason: 'accepted', owner: 'ops', approver: 'lead',
    expiresAt: '2027-01-31T00:00:00.000Z',
  });
  const withoutExpiry = dashboard.waiverRequestBody({ ...body, scope: 'hostId', scopeValue: 'web-1', expiresAt: '' });
  assert.equal(withoutExpiry.expiresAt, undefined);
  assert.equal(withoutExpiry.hostId, 'web-1');
});

test('waiver errors map to fields', () => {
  const cases = {
    "checkId '' is missing or invalid: use a recommendation id such as 5.10": 'checkId',
    "approver 'admin' is the creator of the waiver: another user must approve it": 'approver',
    'expiresAt is missing: give an ISO-8601 instant such as 2027-01-31T00:00:00Z': 'expiresAt',
    'reason is missing': 'reason',
    'owner is longer than 500 characters': 'owner',
    'the scope has 0 parts: set exactly one of hostId, hostLabel (key=value)': 'scope',
    "hostLabel 'env' is invalid: use key=value without spaces": 'scope',
    "pattern 'aaaa…' is longer than 512 characters": 'scope',
    'something else failed': null,
  };
  for (const [message, field] of Object.entries(cases)) {
    assert.equal(dashboard.waiverErrorField(message), field, message);
  }
});

test('waiver forms only for admins', () => {
  const waivers = [{
    waiverId: 3, checkId: '5.5', scope: { containerPattern: HOSTILE }, reason: HOSTILE, owner: 'ops', approver: 'lead',
    createdBy: 'admin', createdAt: '2026-12-04T10:00:00Z', expiresAt: '2027-01-01T00:00:00Z', revokedBy: null,
    revokedAt: null, state: 'ACTIVE',
  }];

  const asViewer = dashboard.renderWaivers(waivers, new URLSearchParams(), { user: 'ci', roles: ['VIEWER'] });
  const asAdmin = dashboard.renderWaivers(waivers, new URLSearchParams(), { user: 'ops', roles: ['ADMIN'] });

  const buttons = (view) => elements(view).filter((element) => element.tagName === 'BUTTON').map((b) => b.textContent);
  assert.deepEqual(buttons(asViewer), ['Filter']);
  assert.deepEqual(buttons(asAdmin), ['Filter', 'Revoke', 'Create waiver']);
  assert.ok(!tagNames(asAdmin).includes('IMG'));
  assert.ok(asAdmin.textContent.includes(`containerPattern ${HOSTILE}`));
});

test('problem detail names parameter', () => {
  const error = new dashboard.ApiError(400, {
    title: 'Invalid request parameter', detail: `Parameter 'label' has the invalid value '${HOSTILE}'.`,
    parameter: 'label', value: HOSTILE, errors: [HOSTILE], requestId: 'r-1',
  }, '/api/v1/findings');

  const box = dashboard.renderError(error);

  assert.ok(box.textContent.includes('400 Invalid request parameter'));
  assert.ok(box.textContent.includes(`Parameter label, value "${HOSTILE}"`));
  assert.ok(!tagNames(box).includes('IMG'));
});

test('element helper rejects handler attributes', () => {
  assert.throws(() => dashboard.el('a', { onclick: 'alert(1)' }), /onclick is not allowed/);
  assert.throws(() => dashboard.el('div', { style: 'color: red' }), /style is not allowed/);
});
