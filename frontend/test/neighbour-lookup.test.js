import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NeighbourLookup, localAnswer } from '../src/neighbour-lookup.js';
import { neighbourRows } from '../src/neighbour-search.js';
import { tiledMatrix } from '../src/tiles.js';
import { matrixOf } from './helpers.js';

const rows = [
  [1, 0.9, 0.2, 0.5],
  [0.9, 1, 0.1, 0.3],
  [0.2, 0.1, 1, 0.7],
  [0.5, 0.3, 0.7, 1],
];
const noLabels = { get: () => 0 };
const tiled = tiledMatrix(4, Int32Array.from([0, 1, 2, 3]), new Map());

function server(answers) {
  const asked = [];
  const getJson = async (url) => {
    asked.push(url);
    const sentence = Number(new URL(url, 'http://x').searchParams.get('sentence'));
    if (!(sentence in answers)) throw new Error(`no answer for ${sentence}`);
    return answers[sentence];
  };
  return { asked, getJson };
}

test('a dense page answers from its matrix, most similar first, without a request', async () => {
  const { asked, getJson } = server({});
  const lookup = new NeighbourLookup({ api: '/api/datasets/1', getJson, k: 2 });
  const { answer } = await lookup.of(2, matrixOf(rows, [3, 1, 0, 2]));
  assert.deepEqual(answer.neighbours.map((n) => n.index), [3, 0]);
  assert.equal(answer.neighbours[0].similarity, 0.7);
  assert.deepEqual(asked, []);
  assert.equal(localAnswer(tiled, 2), null);
});

test('a tiled page asks the server for the sentence, once, and its rows pair the sentence with each neighbour', async () => {
  const answer = { of: 2, method: 'exact', neighbours: [{ index: 3, similarity: 0.7 }, { index: 0, similarity: 0.2 }] };
  const { asked, getJson } = server({ 2: answer });
  const lookup = new NeighbourLookup({ api: '/api/datasets/1', getJson, k: 2 });
  assert.equal(lookup.has(2, tiled), false);
  assert.deepEqual(await lookup.of(2, tiled), { answer });
  assert.deepEqual(await lookup.of(2, tiled), { answer });
  assert.deepEqual(asked, ['/api/datasets/1/neighbours?k=2&sentence=2']);
  assert.equal(lookup.has(2, tiled), true);
  const labels = { get: (i, j) => (i === 2 && j === 3 ? -1 : 0) };
  assert.deepEqual(neighbourRows(answer, labels, ['a', 'b', 'c', 'd']).map((r) => [r.i, r.j, r.label, r.text]),
    [[2, 3, -1, 'd'], [2, 0, 0, 'a']]);
});

test('an answer that arrives after the selection moved on is stale, and a failure of the current ask rejects', async () => {
  let release;
  const slow = new Promise((resolve) => { release = resolve; });
  const getJson = async (url) => (url.endsWith('sentence=0') ? slow : { of: 1, neighbours: [] });
  const lookup = new NeighbourLookup({ api: '/a', getJson });
  const first = lookup.of(0, tiled);
  assert.deepEqual(await lookup.of(1, tiled), { answer: { of: 1, neighbours: [] } });
  release({ of: 0, neighbours: [] });
  assert.deepEqual(await first, { stale: true });

  const failing = new NeighbourLookup({ api: '/a', getJson: server({}).getJson });
  await assert.rejects(failing.of(5, tiled), /no answer for 5/);
  assert.deepEqual(neighbourRows(null, noLabels, []), []);
});

test('the cache keeps the most recently used sentences only', async () => {
  const answers = { 0: { of: 0, neighbours: [] }, 1: { of: 1, neighbours: [] }, 2: { of: 2, neighbours: [] } };
  const { asked, getJson } = server(answers);
  const lookup = new NeighbourLookup({ api: '/a', getJson, keep: 2 });
  await lookup.of(0, tiled);
  await lookup.of(1, tiled);
  await lookup.of(0, tiled);
  await lookup.of(2, tiled);
  assert.equal(lookup.has(0, tiled), true);
  assert.equal(lookup.has(1, tiled), false);
  assert.equal(asked.length, 3);
});
