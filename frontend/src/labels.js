// Client-side label store: one label per unordered pair, an undo stack, and the save state of each pair.

export function pairKey(i, j) {
  return i < j ? `${i},${j}` : `${j},${i}`;
}

export class LabelStore {
  constructor(labels = []) {
    this.labels = new Map();
    this.undoStack = [];
    for (const l of labels) {
      if (l.label === 1 || l.label === -1) this.labels.set(pairKey(l.i, l.j), { ...normalise(l.i, l.j, l.label), changedAt: l.changedAt ?? 0 });
    }
  }

  /** +1, -1 or 0 (none). */
  get(i, j) {
    return this.labels.get(pairKey(i, j))?.label ?? 0;
  }

  get size() {
    return this.labels.size;
  }

  /** All labels as [{i, j, label}] with i < j. */
  all() {
    return [...this.labels.values()].map(({ i, j, label }) => ({ i, j, label }));
  }

  /** All labels with when they last changed: [{i, j, label, changedAt}] (ms since the epoch, 0 when unknown). */
  entries() {
    return [...this.labels.values()].map(({ i, j, label, changedAt }) => ({ i, j, label, changedAt }));
  }

  /**
   * Sets a label (0 removes) and remembers how to undo it. Returns the change {i, j, label, previous},
   * or null when nothing changed (so nothing is sent or pushed).
   */
  set(i, j, label, { recordUndo = true } = {}) {
    if (i === j) throw new Error('A sentence cannot be labelled against itself.');
    if (![1, -1, 0].includes(label)) throw new Error(`Label must be 1, -1 or 0, not ${label}.`);
    const previous = this.get(i, j);
    if (previous === label) return null;
    this.apply(i, j, label, 'pending');
    const change = { ...normalise(i, j, label), previous };
    if (recordUndo) this.undoStack.push(change);
    return change;
  }

  /** Reverts the last change locally and returns the change to send ({i, j, label: previous}), or null. */
  undo() {
    const last = this.undoStack.pop();
    if (!last) return null;
    this.apply(last.i, last.j, last.previous, 'pending');
    return { i: last.i, j: last.j, label: last.previous, previous: last.label };
  }

  get canUndo() {
    return this.undoStack.length > 0;
  }

  /** The server confirmed the pair's current label. */
  markSaved(i, j) {
    const entry = this.labels.get(pairKey(i, j));
    if (entry) entry.state = 'saved';
  }

  /**
   * The server refused or did not answer: put the pair back to what it was (or to `label`, what the server
   * holds), and drop the change from the
   * undo stack so undo cannot "restore" a label that was never stored.
   */
  revert(change, label = change.previous) {
    this.apply(change.i, change.j, label, 'saved');
    const k = this.undoStack.lastIndexOf(change);
    if (k >= 0) this.undoStack.splice(k, 1);
  }

  state(i, j) {
    return this.labels.get(pairKey(i, j))?.state ?? null;
  }

  apply(i, j, label, state, changedAt = Date.now()) {
    const key = pairKey(i, j);
    if (label === 0) this.labels.delete(key);
    else this.labels.set(key, { ...normalise(i, j, label), state, changedAt });
  }
}

function normalise(i, j, label) {
  return i < j ? { i, j, label, state: 'saved' } : { i: j, j: i, label, state: 'saved' };
}

/** Keyboard key → label action, shared by the heatmap and the pair queue. */
export function actionForKey(key) {
  switch (key) {
    case 's':
    case 'S':
      return { type: 'label', label: 1 };
    case 'd':
    case 'D':
      return { type: 'label', label: -1 };
    case '0':
    case 'Backspace':
    case 'Delete':
      return { type: 'label', label: 0 };
    case 'z':
    case 'Z':
      return { type: 'undo' };
    case 'Enter':
      return { type: 'skip' };
    default:
      return null;
  }
}
