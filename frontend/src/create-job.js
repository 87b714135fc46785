// The create form's background job: what its progress bar and text say for a job status from the server
// ({state, embedded, total, duplicates, etaSeconds}). Pure; home.js does the fetching and the DOM.

import { formatMessage } from './messages.js';

/** A time left, rounded to what a reader needs: "40 s", "12 min", "1 h 05 min". */
export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * {value, max, text} for the progress bar; texts: {starting, progress ({0} of {1}), saving, and optionally
 * duplicates ({0} lines merged), eta ({0} left) and resuming (said instead of the time left while the job waits
 * for another instance to take it up after a stop)}.
 */
export function progressView(status, texts) {
  const total = status?.total ?? 0;
  const embedded = Math.min(status?.embedded ?? 0, total);
  if (!status || total === 0) return { value: 0, max: 1, text: texts.starting };
  const notes = [];
  if (status.duplicates > 0 && texts.duplicates) notes.push(formatMessage(texts.duplicates, [status.duplicates]));
  if (embedded >= total && status.state !== 'FAILED') {
    return { value: total, max: total, text: [texts.saving, ...notes].join(' · ') };
  }
  if (status.resuming && texts.resuming) notes.push(texts.resuming);
  else if (status.etaSeconds != null && texts.eta) notes.push(formatMessage(texts.eta, [formatDuration(status.etaSeconds)]));
  return { value: embedded, max: total, text: [formatMessage(texts.progress, [embedded, total]), ...notes].join(' · ') };
}

/** Whether a job status is the end of the job (done, or failed, cancelled or interrupted). */
export function hasEnded(status) {
  return ['DONE', 'FAILED', 'CANCELLED', 'INTERRUPTED'].includes(status?.state);
}
