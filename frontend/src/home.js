// Home page: confirm before deleting; create datasets in the background with a progress bar (POST
// /api/datasets/jobs and its event stream), falling back to the plain form post where that is not available.

import { hasEnded, progressView } from './create-job.js';
import { importDataset } from './dataset-transfer.js';

const $ = (id) => document.getElementById(id);

for (const form of document.querySelectorAll('form.delete-form')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}

const busyForms = document.querySelectorAll('#create-form, form[action$="/datasets/demo"]');
for (const form of busyForms) {
  const button = form.querySelector('button[type=submit]');
  if (button) button.dataset.label = button.textContent;
}

function setBusy(form, busy) {
  const button = form.querySelector('button[type=submit]');
  if (!button) return;
  button.disabled = busy;
  button.textContent = busy ? `${button.dataset.label} …` : button.dataset.label;
}

// Coming back with the browser's Back button may restore the page as it was left: buttons stay disabled.
window.addEventListener('pageshow', () => {
  for (const form of busyForms) setBusy(form, false);
  const progress = $('create-progress');
  if (progress) progress.hidden = true;
});

for (const form of document.querySelectorAll('form[action$="/datasets/demo"]')) {
  form.addEventListener('submit', () => setBusy(form, true));
}

const createForm = $('create-form');
if (createForm && window.EventSource && window.fetch) {
  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    createInBackground(createForm);
  });
}

function showProgress(form, status) {
  const { starting, progress, saving, duplicates, eta, resuming } = form.dataset;
  const view = progressView(status, { starting, progress, saving, duplicates, eta, resuming });
  const bar = $('create-progress-bar');
  bar.max = view.max;
  bar.value = view.value;
  $('create-progress-text').textContent = view.text;
  $('create-progress').hidden = false;
}

function fail(form, detail) {
  const box = $('form-error');
  box.textContent = detail;
  box.hidden = false;
  $('create-progress').hidden = true;
  setBusy(form, false);
}

async function createInBackground(form) {
  $('form-error').hidden = true;
  setBusy(form, true);
  showProgress(form, null);
  let job;
  try {
    const response = await fetch('/api/datasets/jobs', { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (response.status !== 202) {
      fail(form, body.detail || `The dataset could not be created (status ${response.status}).`);
      return;
    }
    job = body;
  } catch (e) {
    fail(form, `The server could not be reached (${e.message}).`);
    return;
  }
  const events = new EventSource(job.eventsUrl);
  events.addEventListener('progress', (e) => showProgress(form, JSON.parse(e.data)));
  events.addEventListener('done', (e) => {
    events.close();
    const status = JSON.parse(e.data);
    showProgress(form, status);
    window.location.assign(`/datasets/${status.datasetId}`);
  });
  events.addEventListener('failed', (e) => {
    events.close();
    fail(form, JSON.parse(e.data).detail);
  });
  events.onerror = () => {
    // the stream broke (a proxy, a restart): ask the status URL instead
    if (events.readyState === EventSource.CLOSED) pollStatus(form, job.statusUrl);
  };
}

async function pollStatus(form, url) {
  try {
    const status = await (await fetch(url, { headers: { Accept: 'application/json' } })).json();
    if (status.state === 'DONE') window.location.assign(`/datasets/${status.datasetId}`);
    else if (hasEnded(status)) fail(form, status.detail);
    else {
      showProgress(form, status);
      setTimeout(() => pollStatus(form, url), 1000);
    }
  } catch (e) {
    fail(form, `The server could not be reached (${e.message}).`);
  }
}

// Import: a file from a dataset page's "Export dataset" becomes a new dataset, whose page then opens.
const importInput = $('import-dataset-file');
if (importInput && window.fetch) {
  importInput.addEventListener('change', async () => {
    const file = importInput.files[0];
    if (!file) return;
    $('form-error').hidden = true;
    const result = await importDataset(file, window.fetch.bind(window), importInput.dataset.failed)
      .catch((e) => ({ error: importInput.dataset.unreachable.replace('{0}', e.message) }));
    importInput.value = '';
    if (result.page) {
      window.location.assign(result.page);
    } else {
      $('form-error').textContent = result.error;
      $('form-error').hidden = false;
    }
  });
}
