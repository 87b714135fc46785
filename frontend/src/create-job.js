// The create form's background job: what its progress bar and text say for a job status from the server
// ({state, embedded, total}). Pure; home.js does the fetching and the DOM.

import { formatMessage } from './messages.js';

/** {value, max, text} for the progress bar; texts: {starting, progress ({0} of {1}), saving}. */
export function progressView(status, texts) {
  const total = status?.total ?? 0;
  const embedded = Math.min(status?.embedded ?? 0, total);
  if (!status || total === 0) return { value: 0, max: 1, text: texts.starting };
  if (embedded >= total && status.state !== 'FAILED') return { value: total, max: total, text: texts.saving };
  return { value: embedded, max: total, text: formatMessage(texts.progress, [embedded, total]) };
}
