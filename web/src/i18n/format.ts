// Number formatting that both languages share: Korean groups thousands with commas too (8,809).
export function groupThousands(v: number): string {
  return v.toLocaleString('en-US');
}

/** A loss or metric with d decimals; '—' where the engine sent null (NaN or infinite) or none yet. */
export function fixed(v: number | null | undefined, d: number): string {
  return v === undefined || v === null || !Number.isFinite(v) ? '—' : v.toFixed(d);
}

/**
 * A message with its large whole numbers grouped as Keras prints them ("40006800000 parameters"
 * → "40,006,800,000 parameters"); the engine's messages come ungrouped. Only free-standing runs of
 * 4+ digits: not decimals, not parts of names (lstm_1234) or of numbers already grouped.
 */
export function groupLargeNumbers(message: string): string {
  return message.replace(/(?<![\w.,])\d{4,}(?![\w]|[.,]\d)/g, (d) => BigInt(d).toLocaleString('en-US'));
}
