// What a number field's text means (ui/number-field.ts): pure, so tests can hold it.
import { groupThousands } from '../i18n/format';
import { withinLimit, type Limit } from './limits';

/** The number a field's text stands for, or null when it is not one within the limit. */
export function parseField(text: string, limit: Limit): number | null {
  const t = text.trim();
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal spellings (1e-3 included).
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return withinLimit(limit, v) ? v : null;
}

/** A limit as the message shows it: grouped thousands, small rates as written (1e-7). */
export function formatLimit(v: number): string {
  return Math.abs(v) >= 1000 ? groupThousands(v) : String(v);
}
