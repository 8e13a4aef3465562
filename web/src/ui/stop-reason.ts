/** The protocol says 'nan'; the engine's own name is 'non_finite_loss': both mean the loss diverged. */
export function isNanStop(r: { stop_reason: string }): boolean {
  return r.stop_reason === 'nan' || r.stop_reason === 'non_finite_loss';
}
