// Number formatting that both languages share: Korean groups thousands with commas too (8,809).
export function groupThousands(v: number): string {
  return v.toLocaleString('en-US');
}
