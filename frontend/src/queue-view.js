// The pair queue's card and buttons: the offered pair with its reason, the threshold it ranks around, the skip
// count, and Start/Stop, Similar/Dissimilar, Skip, Forget skips and the mode. The choosing is QueueController's.

import { queueReason } from './pair-text.js';
import { setText } from './dom.js';

const CARD = ['queue-reason', 'queue-i', 'queue-a', 'queue-j', 'queue-b', 'queue-similarity'];

export class QueueView {
  /** page: {$, t, state} */
  constructor({ $, t, state }) {
    Object.assign(this, { $, t, state });
  }

  /** The card for its current pair (or "done"), with the threshold it ranks around. */
  card(current, threshold) {
    const { $, t, state } = this;
    $('queue-done').hidden = !!current;
    for (const id of ['queue-similar', 'queue-dissimilar', 'queue-skip']) $(id).disabled = !current;
    if (current) {
      setText($('queue-reason'), queueReason(current, t));
      setText($('queue-i'), `#${current.i}`);
      setText($('queue-a'), state.sentences[current.i] ?? '');
      setText($('queue-j'), `#${current.j}`);
      setText($('queue-b'), state.sentences[current.j] ?? '');
      setText($('queue-similarity'), current.similarity.toFixed(3));
    } else {
      for (const id of CARD) setText($(id), '');
    }
    this.threshold(threshold);
  }

  threshold(value) {
    setText(this.$('queue-threshold'), value.toFixed(3));
  }

  skips(count) {
    setText(this.$('queue-skips'), count ? this.t('queue.skips', count) : '');
    this.$('queue-forget').hidden = !count;
  }

  open(active) {
    const { $ } = this;
    $('queue-card').hidden = !active;
    $('queue-intro').hidden = active;
    $('queue-start').hidden = active;
    $('queue-stop').hidden = !active;
  }

  /**
   * Wires the queue's buttons to the controller; before a start the page refreshes its consistency check (the
   * implied pairs come first). label(value) labels the queue's pair; press(selector, button) marks a toggle.
   */
  wire(queue, { beforeStart, label, press, ready }) {
    const { $ } = this;
    $('queue-start').addEventListener('click', async () => {
      if (!ready()) return;
      await beforeStart();
      queue.start();
    });
    $('queue-stop').addEventListener('click', () => queue.stop());
    $('queue-similar').addEventListener('click', () => label(1));
    $('queue-dissimilar').addEventListener('click', () => label(-1));
    $('queue-skip').addEventListener('click', () => queue.skip());
    $('queue-forget').addEventListener('click', () => queue.forget());
    for (const button of document.querySelectorAll('[data-queue-mode]')) {
      button.addEventListener('click', () => {
        press('[data-queue-mode]', button);
        queue.setMode(button.dataset.queueMode);
      });
    }
  }
}
