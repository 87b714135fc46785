// The label queue on a tiled page, where no matrix rows are in the browser: the server draws the pairs
// (GET .../queue) from neighbour lists or at random, and the page walks each batch in its order, passing over
// pairs labelled or skipped since the batch came. An exhausted batch asks for the next seed's batch.

import { pairKey } from './labels.js';

export const SERVER_QUEUE_LIMIT = 50;
export const FIRST_SEED = 42;
/** New batches one call may ask for before it says the queue is done: a fully labelled sample never loops. */
export const MAX_REFILLS = 3;

export function queueUrl(datasetApi, { mode = 'informative', limit = SERVER_QUEUE_LIMIT, seed = FIRST_SEED, model } = {}) {
  const params = new URLSearchParams({ strategy: mode, limit: String(limit), seed: String(seed) });
  if (model) params.set('model', model);
  return `${datasetApi}/queue?${params}`;
}

/** The batch's first pair that is neither labelled nor skipped, as the queue card shows it; null when none. */
export function firstOpen(pairs, labels, skipped = new Set()) {
  for (const p of pairs) {
    if (p.i !== p.j && labels.get(p.i, p.j) === 0 && !skipped.has(pairKey(p.i, p.j))) {
      return { i: Math.min(p.i, p.j), j: Math.max(p.i, p.j), similarity: p.cosine, score: 0, reason: p.reason };
    }
  }
  return null;
}

/** One batch per mode, refilled from the next seed when walked through. `getJson(url)` answers the body. */
export class ServerQueue {
  constructor(datasetApi, getJson) {
    this.datasetApi = datasetApi;
    this.getJson = getJson;
    this.batches = new Map();
  }

  /** The next pair of the mode's queue; null when the server has no open pair left in a few batches. */
  async next({ mode = 'informative', labels, skipped = new Set(), model } = {}) {
    let batch = this.batches.get(mode);
    for (let refill = 0; refill <= MAX_REFILLS; refill++) {
      if (batch) {
        const pick = firstOpen(batch.pairs, labels, skipped);
        if (pick) return pick;
      }
      const seed = batch ? batch.seed + 1 : FIRST_SEED;
      const body = await this.getJson(queueUrl(this.datasetApi, { mode, seed, model }));
      batch = { seed, pairs: body.pairs ?? [], threshold: body.threshold };
      this.batches.set(mode, batch);
    }
    return firstOpen(batch.pairs, labels, skipped);
  }

  /** The threshold the last informative batch was ranked around, or null before the first. */
  threshold() {
    return this.batches.get('informative')?.threshold ?? null;
  }

  /** Forget the batches (new labels move the threshold; forgotten skips reopen pairs). */
  reset() {
    this.batches.clear();
  }
}
