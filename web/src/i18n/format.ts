// Number formatting that both languages share: Korean groups thousands with commas too (8,809).
export function groupThousands(v: number): string {
  return v.toLocaleString('en-US');
}

/**
 * A message with its large whole numbers grouped as Keras prints them ("40006800000 parameters"
 * → "40,006,800,000 parameters"); the engine's messages come ungrouped. Only free-standing runs of
 * 4+ digits: not decimals, not parts of names (lstm_1234) or of numbers already grouped.
 */
export function groupLargeNumbers(message: string): string {
  return message.replace(/(?<![\w.,])\d{4,}(?![\w]|[.,]\d)/g, (d) => BigInt(d).toLocaleString('en-US'));
}
