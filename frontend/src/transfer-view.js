// Dataset page: the training bundle's loss picker and link. The whole-dataset export is a plain link.

import { lossIds, trainingBundleUrl } from './dataset-transfer.js';

const explorer = document.getElementById('explorer');
const picker = document.getElementById('bundle-picker');
const select = document.getElementById('bundle-loss');
const link = document.getElementById('export-bundle');

function update() {
  link.href = trainingBundleUrl(explorer.dataset.datasetId, select.value);
}

async function start() {
  const response = await fetch('/api/losses', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  for (const id of lossIds(await response.json())) {
    const option = document.createElement('option');
    option.value = id;
    option.textContent = id;
    select.append(option);
  }
  if (!select.options.length) return;
  select.addEventListener('change', update);
  update();
  picker.hidden = false;
}

if (explorer && picker && select && link) start().catch(() => {});
