// The neighbour panel's source (no DOM): the top-k neighbours of the selected sentence, from the page's matrix when
// it holds rows (a dense page), from the server's neighbour search when it does not (a tiled page). Answers have
// the server's shape, {of, method, neighbours: [{index, similarity}]}, so one row builder serves both.

import { nearestNeighbours } from './neighbours.js';
import { neighboursUrl, NEIGHBOURS_K } from './neighbour-search.js';

/** The page's own answer for sentence i, or null when the matrix holds no rows (tiled). */
export function localAnswer(matrix, i, k = NEIGHBOURS_K) {
  if (!matrix?.values) return null;
  return { of: i, method: 'page', neighbours: nearestNeighbours(matrix, i, k).map(({ j, similarity }) => ({ index: j, similarity })) };
}

export class NeighbourLookup {
  /** api: the dataset's API base; getJson(url) fetches; keep: how many sentences' answers stay cached. */
  constructor({ api, getJson, k = NEIGHBOURS_K, keep = 64 }) {
    this.api = api;
    this.getJson = getJson;
    this.k = k;
    this.keep = keep;
    this.answers = new Map();
    this.asked = 0;
  }

  /**
   * The neighbours of sentence i: {answer} once known, or {stale: true} when a later ask started meanwhile (the
   * selection moved on, so this answer must not be shown). A failed request rejects, unless it is stale.
   */
  async of(i, matrix) {
    const ask = ++this.asked;
    const local = localAnswer(matrix, i, this.k);
    if (local) return { answer: local };
    const cached = this.answers.get(i);
    if (cached) {
      this.answers.delete(i);
      this.answers.set(i, cached);
      return { answer: cached };
    }
    let answer;
    try {
      answer = await this.getJson(neighboursUrl(this.api, { sentence: i, k: this.k }));
    } catch (error) {
      if (ask !== this.asked) return { stale: true };
      throw error;
    }
    this.answers.set(i, answer);
    while (this.answers.size > this.keep) this.answers.delete(this.answers.keys().next().value);
    return ask === this.asked ? { answer } : { stale: true };
  }

  /** Whether an answer for i is at hand without a request. */
  has(i, matrix) {
    return !!matrix?.values || this.answers.has(i);
  }
}
