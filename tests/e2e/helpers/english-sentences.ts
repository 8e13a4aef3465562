// The English tables' sentences (texts of two words or more), Keras identifiers aside: what a
// Korean page must never show (language.spec.ts, korean-states.spec.ts).
import { identifierKeys } from '../../../web/src/i18n/identifiers';
import * as en from './tables-en';

/** The English tables' sentences (texts of two words or more), identifiers aside. */
export function englishSentences(): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (identifierKeys.some((id) => path === id || path.startsWith(`${id}.`))) return;
    if (typeof v === 'string') {
      if (/\S+ \S+/.test(v)) out.push(v);
    } else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  for (const [view, table] of Object.entries(en)) walk(table, view);
  return out;
}
