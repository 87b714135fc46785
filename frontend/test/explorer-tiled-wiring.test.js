import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TILE } from '../src/tiles.js';
import { openPage, json, binary } from './page-stand-in.js';

const N = 4000;

test('on a tiled dataset rendered with its sizes the page asks no bare pyramid, gets ready from the order and the overview tile, and fetches no matrix', async () => {
  const tile = new Int16Array(TILE * TILE).fill(2500);
  const { asked, byId, body } = await openPage({
    '/api/datasets/1/tiles': (url) => json(url.includes('order=') ? { n: N, order: [...Array(N).keys()] } : { n: N, tiledAbove: 3000 }),
    '/api/datasets/1/tiles/0/0/0': () => binary(tile.buffer),
    '/api/datasets/1': () => json({ id: 1, model: 'm', sentences: Array.from({ length: N }, (_, k) => `s${k}`) }),
    '/api/datasets/1/labels': () => json([]),
    '/api/losses': () => json([{ id: 'cosent' }]),
    '/api/datasets/1/labels/conflicts': () => json({ conflicts: [], implied: [] }),
  }, { sentences: String(N), tiledAbove: '3000' });
  assert.equal(body.dataset.heatmapReady, 'true', `the page stopped; it shows: ${byId('error-text').textContent}`);
  assert.equal(byId('explorer').dataset.tiled, 'true');
  assert.ok(asked.some((url) => url.startsWith('/api/datasets/1/tiles/0/0/0')));
  assert.ok(!asked.includes('/api/datasets/1/tiles'), asked.join(' '));
  assert.equal(asked[0], '/api/datasets/1');
  assert.ok(!asked.some((url) => url.includes('/similarity')));
  assert.equal(globalThis.simexplorer.heatmap().tiled, true);
});
