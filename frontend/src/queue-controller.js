// The pair queue's controller (no DOM): which pair the queue offers, skipping (remembered per dataset), the mode,
// and starting and stopping. A dense page ranks its own matrix (queue.js); a tiled page has no matrix rows to rank,
// so its pairs come from the server's neighbour lists (server-queue.js). An answer overtaken by a later ask is
// dropped.

import { pairKey } from './labels.js';
import { nextPair, currentThreshold } from './queue.js';
import { saveSkips } from './skips.js';

export class QueueController {
  /**
   * state: the page state (queue, matrix, labels, metrics, tiled); serverQueue: a ServerQueue; storage and
   * datasetId: where skips are kept; view: {card(current, threshold), skips(count), open(active)};
   * page: {setActive(which), redraw(), error(message)}; random: the random queue's source.
   */
  constructor({ state, serverQueue, storage, datasetId, view, page, random = Math.random }) {
    Object.assign(this, { state, serverQueue, storage, datasetId, view, page, random });
    this.asked = 0;
  }

  /** The pair the queue offers now, or null when it is stopped or done. */
  get pair() {
    return this.state.queue.active ? this.state.queue.current : null;
  }

  async next() {
    const { state } = this;
    const q = state.queue;
    const threshold = currentThreshold(state.metrics);
    const ask = ++this.asked;
    const current = state.tiled
      ? await this.serverQueue.next({ mode: q.mode, labels: state.labels, skipped: q.skipped }).catch((e) => {
        this.page.error(e.message);
        return null;
      })
      : nextPair({ mode: q.mode, matrix: state.matrix, labels: state.labels, skipped: q.skipped, threshold, implied: q.implied, random: this.random });
    if (ask !== this.asked) return;
    q.current = current;
    this.page.setActive('queue');
    this.view.card(current, threshold);
    this.page.redraw();
  }

  /** After a label: the queue moves on when the labelled pair is the one it offered. */
  labelled(i, j) {
    const p = this.pair;
    if (p && pairKey(p.i, p.j) === pairKey(i, j)) return this.next();
    return Promise.resolve();
  }

  skip() {
    const q = this.state.queue;
    if (!q.current) return Promise.resolve();
    q.skipped.add(pairKey(q.current.i, q.current.j));
    saveSkips(this.storage, this.datasetId, q.skipped);
    this.view.skips(q.skipped.size);
    return this.next();
  }

  /** Forgets every skip: the pairs come back, from a fresh server batch on a tiled page. */
  forget() {
    const q = this.state.queue;
    q.skipped.clear();
    saveSkips(this.storage, this.datasetId, q.skipped);
    this.serverQueue.reset();
    this.view.skips(0);
    return q.active ? this.next() : Promise.resolve();
  }

  setMode(mode) {
    this.state.queue.mode = mode;
    return this.state.queue.active ? this.next() : Promise.resolve();
  }

  start() {
    this.serverQueue.reset();
    return this.setOpen(true);
  }

  stop() {
    return this.setOpen(false);
  }

  setOpen(active) {
    this.state.queue.active = active;
    this.view.open(active);
    if (active) return this.next();
    this.page.setActive('selection');
    this.page.redraw();
    return Promise.resolve();
  }
}
