// Label-sync controller: applies the user's label changes to the local store at once and sends them to the
// server. No DOM: the page passes a send function and listens for what happened.

import { LabelStore } from './labels.js';

export class LabelSync {
  /**
   * send(change) resolves once the server committed {i, j, label}, rejects otherwise.
   * listener(event) hears {type: 'saved' | 'failed', change, kind, error}.
   */
  constructor(send, listener = () => {}, store = new LabelStore()) {
    this.send = send;
    this.listener = listener;
    this.store = store;
  }

  /** Replaces the local labels with the server's (after a load or an import). */
  reset(labels) {
    this.store = new LabelStore(labels);
  }

  /** Sets a label (0 clears) and saves it; returns the change, or null when nothing changed. */
  set(i, j, label) {
    if (i === j) return null;
    const change = this.store.set(i, j, label);
    if (change) this.save(change, 'save');
    return change;
  }

  undo() {
    const change = this.store.undo();
    if (change) this.save(change, 'undo');
    return change;
  }

  async save(change, kind) {
    try {
      await this.send(change);
      this.store.markSaved(change.i, change.j);
      this.listener({ type: 'saved', change, kind });
    } catch (error) {
      this.store.revert(change);
      this.listener({ type: 'failed', change, kind, error });
    }
  }
}
