// Label-sync controller: applies the user's label changes to the local store at once and saves them to the
// server. No DOM: the page passes a send function and listens for what happened.
//
// - The saves of one pair run one after another, in the order the user gave them, so the server ends with the
//   last label given. A change superseded before it is sent is not sent at all.
// - A failed save reverts that change only, and only on screen while it is still the pair's latest change;
//   it stays listed as a failure, with retry(), until it is retried, dismissed or a later save of the same
//   pair succeeds. A success on another pair never clears it.

import { LabelStore, pairKey } from './labels.js';

export class LabelSync {
  /**
   * send(change) resolves once the server committed {i, j, label}, rejects otherwise.
   * listener(event) hears {type: 'saved' | 'failed' | 'retrying' | 'dismissed', change, failure}.
   */
  constructor(send, listener = () => {}, store = new LabelStore()) {
    this.send = send;
    this.listener = listener;
    this.store = store;
    this.pairs = new Map(); // pairKey → {tail: Promise, confirmed: label on the server, latest: change}
    this.failureList = [];
    this.inFlight = 0;
    this.nextFailureId = 1;
  }

  /** Replaces the local labels with the server's (after a load or an import). */
  reset(labels) {
    this.store = new LabelStore(labels);
    this.pairs.clear();
    this.failureList = [];
  }

  /** Sets a label (0 clears) and saves it; returns the change, or null when nothing changed. */
  set(i, j, label) {
    if (i === j) return null;
    const change = this.store.set(i, j, label);
    if (change) this.enqueue({ ...change, kind: 'save' }, change);
    return change;
  }

  undo() {
    const change = this.store.undo();
    if (change) this.enqueue({ ...change, kind: 'undo' }, null);
    return change;
  }

  /** Sends a failed change again, as a new change of its pair. */
  retry(failureId) {
    const failure = this.takeFailure(failureId);
    if (!failure) return null;
    this.listener({ type: 'retrying', failure });
    return this.set(failure.i, failure.j, failure.label);
  }

  dismiss(failureId) {
    const failure = this.takeFailure(failureId);
    if (failure) this.listener({ type: 'dismissed', failure });
  }

  get failures() {
    return [...this.failureList];
  }

  /** Changes not yet answered by the server (the page warns before unload while this is above 0). */
  get pending() {
    return this.inFlight;
  }

  /** Resolves when every queued save has been answered. */
  async settled() {
    while (this.inFlight > 0) await Promise.all([...this.pairs.values()].map((p) => p.tail));
  }

  /** undoEntry: the store's undo record of this change, dropped if the change fails. */
  enqueue(change, undoEntry) {
    const key = pairKey(change.i, change.j);
    let pair = this.pairs.get(key);
    if (!pair) {
      // first change of this pair since the labels were loaded: what was shown is what the server has
      pair = { tail: Promise.resolve(), confirmed: change.previous };
      this.pairs.set(key, pair);
    }
    pair.latest = change;
    change.undoEntry = undoEntry;
    this.inFlight++;
    pair.tail = pair.tail.then(() => this.process(pair, change)).finally(() => { this.inFlight--; });
  }

  async process(pair, change) {
    if (pair.latest !== change) return; // a newer change of this pair replaces it before it was sent
    try {
      await this.send({ i: change.i, j: change.j, label: change.label });
    } catch (error) {
      this.failed(pair, change, error);
      return;
    }
    pair.confirmed = change.label;
    if (pair.latest === change) {
      this.store.markSaved(change.i, change.j);
      // the server now holds the user's last label for this pair: its earlier failures are settled
      this.failureList = this.failureList.filter((f) => pairKey(f.i, f.j) !== pairKey(change.i, change.j));
    }
    this.listener({ type: 'saved', change });
  }

  failed(pair, change, error) {
    if (pair.latest === change) this.store.revert(change.undoEntry ?? change, pair.confirmed);
    const failure = { id: this.nextFailureId++, i: change.i, j: change.j, label: change.label, kind: change.kind, message: error?.message ?? String(error) };
    this.failureList.push(failure);
    this.listener({ type: 'failed', change, failure });
  }

  takeFailure(id) {
    const k = this.failureList.findIndex((f) => f.id === id);
    return k < 0 ? null : this.failureList.splice(k, 1)[0];
  }
}
