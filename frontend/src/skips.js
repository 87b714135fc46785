// Skipped queue pairs, remembered per dataset in the browser (localStorage), so a reload does not offer them
// again. Storage may be missing or full (private windows): then skips last as long as the page.

const MAX_REMEMBERED = 20000;
const keyOf = (datasetId) => `simexplorer.skips.${datasetId}`;

export function loadSkips(storage, datasetId) {
  try {
    const list = JSON.parse(storage?.getItem(keyOf(datasetId)) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((k) => typeof k === 'string' && /^\d+,\d+$/.test(k)) : []);
  } catch {
    return new Set();
  }
}

/** Stores the newest MAX_REMEMBERED skips; returns false when the browser refused to store them. */
export function saveSkips(storage, datasetId, skipped) {
  try {
    const list = [...skipped].slice(-MAX_REMEMBERED);
    if (list.length === 0) storage.removeItem(keyOf(datasetId));
    else storage.setItem(keyOf(datasetId), JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}
