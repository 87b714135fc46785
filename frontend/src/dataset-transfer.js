// The whole-dataset import (a file from "Export dataset") and the training bundle's address: what the home
// page and the dataset page do with GET/POST /api/datasets/.../export and /api/datasets/import.

/** The training bundle's address for a dataset, a loss id and a seed. */
export function trainingBundleUrl(datasetId, loss, seed = 0) {
  const query = new URLSearchParams({ loss, seed: String(seed) });
  return `/api/datasets/${encodeURIComponent(datasetId)}/export/training?${query}`;
}

/** The loss ids of GET /api/losses, in its order, for the bundle's loss picker. */
export function lossIds(losses) {
  return Array.isArray(losses) ? losses.map((loss) => loss.id).filter((id) => typeof id === 'string') : [];
}

/**
 * Sends an export file as it was downloaded; resolves to { page } (the new dataset's page) on 201, or to
 * { error } with the problem's detail, or the fallback text with the status in place of {0}.
 */
export async function importDataset(file, fetchImpl, failedText) {
  const response = await fetchImpl('/api/datasets/import', {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  });
  const body = await response.json().catch(() => ({}));
  if (response.status === 201 && Number.isInteger(body.id)) return { page: `/datasets/${body.id}` };
  return { error: body.detail || String(failedText).replace('{0}', String(response.status)) };
}
