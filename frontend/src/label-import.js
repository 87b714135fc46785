// Importing a labels file (no DOM): the upload, and how many labels the server says it took. request(url, options)
// is api.js's; the page reloads the labels afterwards.

/** The count an import answer reports (servers have named it imported, labels or count), or null. */
export function importedCount(body) {
  const count = body?.imported ?? body?.labels ?? body?.count;
  return Number.isFinite(count) ? count : null;
}

/** Uploads `file` as multipart form field "file"; resolves with the count the server reports, or null. */
export async function importLabels(api, file, request, makeForm = () => new FormData()) {
  const form = makeForm();
  form.append('file', file);
  const response = await request(`${api}/labels/import`, { method: 'POST', body: form });
  const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  return importedCount(body);
}
