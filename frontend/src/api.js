// Thin fetch wrappers. Every failure becomes an ApiError carrying the problem detail's "detail".

import { decodeMatrix, matrixFromJson } from './matrix.js';
import { decodeTile } from './tiles.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed with status ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

async function problemOf(response) {
  try {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) return await response.json();
    const text = await response.text();
    return { detail: text.length < 300 && text.trim() ? text.trim() : `Request failed with status ${response.status}.` };
  } catch {
    return { detail: `Request failed with status ${response.status}.` };
  }
}

export async function request(url, options = {}, fetchImpl = globalThis.fetch) {
  let response;
  try {
    response = await fetchImpl(url, { credentials: 'same-origin', ...options });
  } catch (e) {
    throw new ApiError(0, { detail: `The server could not be reached (${e.message}).` });
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

export async function getJson(url, fetchImpl) {
  return (await request(url, { headers: { Accept: 'application/json' } }, fetchImpl)).json();
}

/** One heatmap tile (docs/scale.md, "Tiles") as TILE² int16 values. */
export async function fetchTile(datasetApi, { level, row, col, order = 'input', stat = 'mean', model }, fetchImpl) {
  const query = new URLSearchParams({ order, stat });
  if (model) query.set('model', model);
  const response = await request(`${datasetApi}/tiles/${level}/${row}/${col}?${query}`,
    { headers: { Accept: 'application/octet-stream' } }, fetchImpl);
  return decodeTile(await response.arrayBuffer());
}

export async function sendJson(method, url, body, fetchImpl) {
  const response = await request(url, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }, fetchImpl);
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

/** Outcome form for calls where a refusal is information (loss undefined), not an error. */
export async function outcome(url, fetchImpl) {
  try {
    return { ok: true, body: await getJson(url, fetchImpl) };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, status: e.status, problem: e.problem };
    throw e;
  }
}

/** Dataset responses name sentences as strings or objects; the page only needs the text. */
export function sentenceTexts(dataset) {
  const list = dataset?.sentences ?? [];
  return list.map((s) => (typeof s === 'string' ? s : s?.text ?? s?.sentence ?? ''));
}

/** Labels responses may be a bare list or wrapped as {labels: [...]}; updatedAt becomes changedAt (ms). */
export function labelList(body) {
  const list = Array.isArray(body) ? body : body?.labels ?? [];
  return list.map((l) => ({ i: l.i, j: l.j, label: l.label, changedAt: l.updatedAt ? Date.parse(l.updatedAt) || 0 : 0 }));
}

/**
 * The body of a response as an ArrayBuffer, calling onProgress(received, total) as chunks arrive (total from
 * Content-Length; 0 when the server did not say, in which case the body is read in one go).
 */
export async function readWithProgress(response, onProgress = () => {}) {
  const total = Number(response.headers.get('Content-Length')) || 0;
  if (!response.body || total === 0) return response.arrayBuffer();
  const reader = response.body.getReader();
  let bytes = new Uint8Array(total);
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.length > bytes.length) {
      // a body longer than announced (a proxy re-encoded it): grow rather than fail
      const grown = new Uint8Array(Math.max(bytes.length * 2, received + value.length));
      grown.set(bytes.subarray(0, received));
      bytes = grown;
    }
    bytes.set(value, received);
    received += value.length;
    onProgress(received, total);
  }
  return received === bytes.length ? bytes.buffer : bytes.slice(0, received).buffer;
}

/**
 * A dataset's cosine matrix (`datasetApi` is /api/datasets/{id}) in one order, for its own model or another
 * (`model`: a catalogue id or an adapter's base:name), as compact int16; onProgress(received, total) hears the
 * bytes arrive. A server that answers JSON instead is read too.
 */
export async function fetchSimilarity(datasetApi, { order = 'input', model, onProgress } = {}, fetchImpl = undefined) {
  const query = `order=${order}&format=int16${model ? `&model=${encodeURIComponent(model)}` : ''}`;
  const response = await request(`${datasetApi}/similarity?${query}`, {}, fetchImpl);
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? matrixFromJson(await response.json()) : decodeMatrix(await readWithProgress(response, onProgress));
}
