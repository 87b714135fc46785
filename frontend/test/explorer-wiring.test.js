import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encode } from './helpers.js';
import { openPage, json, binary } from './page-stand-in.js';

const rows = [[1, 0.5, 0.25], [0.5, 1, 0.75], [0.25, 0.75, 1]];

test('the dataset page evaluates, asks for the pyramid when it was rendered without sizes, and gets ready on a dense dataset', async () => {
  const { asked, byId, body } = await openPage({
    '/api/datasets/1/tiles': () => json({ n: 3, tiledAbove: 3000 }),
    '/api/datasets/1': () => json({ id: 1, model: 'm', sentences: ['a', 'b', 'c'] }),
    '/api/datasets/1/similarity': () => binary(encode(rows, [0, 1, 2])),
    '/api/datasets/1/labels': () => json([]),
    '/api/losses': () => json([{ id: 'cosent' }]),
    '/api/datasets/1/labels/conflicts': () => json({ conflicts: [], implied: [] }),
  });
  assert.deepEqual(asked.slice(0, 2), ['/api/datasets/1', '/api/datasets/1/tiles']);
  assert.equal(body.dataset.heatmapReady, 'true', `the page stopped; it shows: ${byId('error-text').textContent}`);
  assert.equal(byId('explorer').dataset.tiled, 'false');
  assert.equal(byId('label-count').textContent, '0');
  assert.ok(asked.includes('/api/datasets/1/similarity?order=input&format=int16'));
});
