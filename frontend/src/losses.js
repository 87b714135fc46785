// Loss panel logic: what to show for each loss response and which pairs to outline.

/** The pairs that contribute most to a loss, by absolute contribution, largest first. */
export function topContributions(response, limit = 20) {
  const list = response?.pairContributions ?? [];
  return [...list]
    .filter((p) => Number.isFinite(p.contribution))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, limit);
}

/**
 * Splits the outcome of one GET /api/datasets/{id}/losses call into one outcome per loss, in the form
 * describeLossOutcome reads: a value is {ok, body: {loss, value, labelledPairs, params}}, an undefined loss a
 * 422 with its reason. When the call itself failed, every loss shares that failure.
 */
export function lossOutcomes(all, ids) {
  const byId = new Map();
  if (!all.ok) {
    for (const id of ids) byId.set(id, all);
    return byId;
  }
  for (const entry of all.body?.losses ?? []) {
    byId.set(entry.loss, entry.value === null || entry.value === undefined
      ? { ok: false, status: 422, problem: { detail: entry.undefinedReason ?? '' } }
      : { ok: true, body: { loss: entry.loss, value: entry.value, labelledPairs: all.body.labelledPairs, params: entry.params } });
  }
  return byId;
}

/**
 * Turns a loss call's outcome into what the panel shows: {state: 'value'|'undefined'|'error', text, detail}.
 * A 422 means the loss is undefined on these labels (for example softmax-ce without a row holding a
 * positive and another candidate): it is shown as "undefined" with the reason, not as an error.
 */
export function describeLossOutcome(outcome) {
  if (outcome.ok) {
    const v = outcome.body.value;
    return { state: 'value', text: formatValue(v), detail: `${outcome.body.labelledPairs} labelled pairs` };
  }
  const detail = outcome.problem?.detail ?? outcome.problem?.title ?? 'The server did not answer.';
  if (outcome.status === 422) return { state: 'undefined', text: 'undefined', detail };
  return { state: 'error', text: 'error', detail };
}

export function formatValue(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(3);
  return v.toFixed(4);
}

/**
 * Why seed-sigmoid-bce misbehaves on these labels, or null when it does not. Its logits are raw dot
 * products z = E·Eᵀ ("similarity" in its pair contributions). The page words the answer:
 * - 'saturated': some |z| > 5, where the sigmoid is flat: pairs on the right side send almost no gradient and
 *   pairs on the wrong side a very large loss; nothing normalises the rows and there is no scale or bias;
 * - 'narrow': unit-length embeddings keep z in [−1, 1], where sigmoid only spans 0.27–0.73, so a pair's loss
 *   cannot fall below log(1 + e⁻¹) ≈ 0.313 even when every pair is ranked right;
 * - 'high': unnormalised logits and a loss above 1.
 */
export function sigmoidBceExplanation(response) {
  if (!response || response.loss !== 'seed-sigmoid-bce') return null;
  const z = (response.pairContributions ?? []).map((p) => p.similarity).filter(Number.isFinite);
  if (z.length === 0) return null;
  const maxAbs = Math.max(...z.map(Math.abs));
  const saturated = z.filter((v) => Math.abs(v) > 5).length;
  if (saturated > 0) return { kind: 'saturated', saturated, pairs: z.length, maxAbs };
  if (maxAbs <= 1.0001) return { kind: 'narrow', pairs: z.length, maxAbs, floor: Math.log1p(Math.exp(-1)) };
  if (Number.isFinite(response.value) && response.value > 1) return { kind: 'high', pairs: z.length, maxAbs };
  return null;
}

/** The seed-sigmoid-bce explanation as a message: [key, ...arguments] for the page's translator. */
export function explanationMessage(why, value) {
  if (why.kind === 'saturated') return ['sigmoid.saturated', why.saturated, why.pairs];
  if (why.kind === 'narrow') return ['sigmoid.narrow', why.maxAbs.toFixed(2), why.floor.toFixed(3)];
  return ['sigmoid.high', formatValue(value), why.maxAbs.toFixed(2)];
}
