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
 * products z = E·Eᵀ ("similarity" in its pair contributions):
 * - for unit-length embeddings z stays in [−1, 1], where sigmoid only spans 0.27–0.73, so the loss cannot
 *   fall below log(1 + e^-1) ≈ 0.313 per pair even when every pair is ranked right;
 * - for unnormalised embeddings |z| grows with the norms and saturates the sigmoid: correct pairs give no
 *   gradient, wrong ones a huge loss.
 */
export function sigmoidBceExplanation(response) {
  if (!response || response.loss !== 'seed-sigmoid-bce') return null;
  const z = (response.pairContributions ?? []).map((p) => p.similarity).filter(Number.isFinite);
  if (z.length === 0) return null;
  const maxAbs = Math.max(...z.map(Math.abs));
  const saturated = z.filter((v) => Math.abs(v) > 5).length;
  if (saturated > 0) {
    return `${saturated} of ${z.length} raw dot products lie beyond ±5, where the sigmoid is saturated: pairs on the right side send almost no gradient and pairs on the wrong side a very large loss. Nothing normalises the rows and there is no scale or bias to learn.`;
  }
  if (maxAbs <= 1.0001) {
    return `The raw dot products of these unit-length embeddings lie in [−1, 1] (largest |z| = ${maxAbs.toFixed(2)}), where sigmoid(z) only spans 0.27–0.73. Even a perfect ranking cannot bring a pair's loss below log(1 + e⁻¹) ≈ 0.313, and a −1 label must be mapped to 0. A scaled loss (sigmoid with t and b, cosent, softmax-ce) fixes this.`;
  }
  if (Number.isFinite(response.value) && response.value > 1) {
    return `The loss is high (${formatValue(response.value)}): raw dot products up to |z| = ${maxAbs.toFixed(2)} are not normalised, so the sigmoid is pushed towards saturation instead of learning a threshold.`;
  }
  return null;
}
