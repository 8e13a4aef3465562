// How the cell anatomy writes numbers and indices (the same in every language).
const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** 12 → ₁₂ (units and features are numbered from 1, as in the heat maps). */
export const sub = (i: number) => String(i).replace(/\d/g, (d) => SUB[Number(d)]);
/** Three decimals (exponent form for very small or large values), a true minus sign. */
export const num = (v: number) =>
  (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : v.toFixed(3)).replace(
    '-',
    '−',
  );
