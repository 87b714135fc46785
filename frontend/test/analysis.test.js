import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis } from '../src/analysis.js';

const t = (key, ...args) => [key, ...args].join('|');

function page({ labels = 2, answers = {} } = {}) {
  const asked = [];
  const seen = [];
  const state = { labels: { size: labels }, losses: [{ id: 'cosent' }, { id: 'mse' }], selectedLoss: null, analysisVersion: 0 };
  const outcome = async (url) => {
    asked.push(url);
    const answer = answers[url.replace('/api/datasets/4/', '')];
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer ?? { ok: true, body: {} };
  };
  const view = { busy: (on) => seen.push(`busy ${on}`), shown: () => seen.push('shown'), detail: () => seen.push('detail') };
  const alongside = () => seen.push('alongside');
  return { asked, seen, state, analysis: new Analysis({ api: '/api/datasets/4', outcome, t, state, view, delay: 0, alongside }) };
}

test('with labels, every loss and the metrics are asked in one round, and each loss gets its own outcome', async () => {
  const { asked, seen, state, analysis } = page({ answers: {
    losses: { ok: true, body: { losses: [{ loss: 'cosent', value: 0.5 }, { loss: 'mse', value: 0.1 }] } },
    metrics: { ok: true, body: { rocAuc: 0.9 } },
  } });
  assert.equal(await analysis.refresh(), 1);
  assert.deepEqual(asked, ['/api/datasets/4/losses', '/api/datasets/4/metrics']);
  assert.deepEqual(seen, ['busy true', 'alongside', 'busy false', 'shown']);
  assert.equal(state.metrics.rocAuc, 0.9);
  assert.equal(state.lossResults.get('mse').body.value, 0.1);
});

test('with no labels nothing is asked and the metrics say they need labels', async () => {
  const { asked, state, analysis } = page({ labels: 0 });
  await analysis.refresh();
  assert.deepEqual(asked, []);
  assert.equal(state.metrics, null);
  await analysis.toggleLoss('cosent');
  assert.deepEqual(state.lossDetail, { loss: 'cosent', result: { ok: false, status: 422, problem: { detail: 'loss.needLabels' } } });
});

test('an unreachable server becomes an outcome that says so, not a rejection', async () => {
  const { state, analysis } = page({ answers: { metrics: new Error('offline') } });
  await analysis.refresh();
  assert.equal(state.metrics, null);
  await analysis.toggleLoss('cosent');
  assert.equal(state.lossDetail.result.ok, true);
});

test('a selected loss fetches its contributions; selecting it again unselects; an older round is dropped', async () => {
  let release;
  const slow = new Promise((resolve) => { release = resolve; });
  const { asked, seen, state, analysis } = page({ answers: {
    'loss?loss=cosent': { ok: true, body: { contributions: [] } },
    metrics: () => (state.analysisVersion === 1 ? slow : { ok: true, body: { rocAuc: 0.7 } }),
  } });
  await analysis.toggleLoss('cosent');
  assert.equal(state.selectedLoss, 'cosent');
  assert.deepEqual(asked, ['/api/datasets/4/loss?loss=cosent']);
  const first = analysis.refresh();
  await analysis.refresh();
  release({ ok: true, body: { rocAuc: 0.1 } });
  assert.equal(await first, 1);
  assert.equal(state.metrics.rocAuc, 0.7);
  assert.equal(seen.filter((s) => s === 'shown').length, 1);
  await analysis.toggleLoss('cosent');
  assert.equal(state.selectedLoss, null);
});

test('a scheduled round, as after a save or an import, refreshes what goes alongside too', async () => {
  const { seen, analysis } = page();
  analysis.schedule();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(seen.slice(0, 2), ['busy true', 'alongside']);
});
