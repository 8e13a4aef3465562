// Number formatting that both languages share: Korean groups thousands with commas too (8,809).
export function groupThousands(v: number): string {
  return v.toLocaleString('en-US');
}

/** A loss or metric with d decimals; '—' where the engine sent null (NaN or infinite) or none yet. */
export function fixed(v: number | null | undefined, d: number): string {
  return v === undefined || v === null || !Number.isFinite(v) ? '—' : v.toFixed(d);
}
