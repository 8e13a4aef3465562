// The presets' titles, sources and "summary only" reasons (English): presets.json holds them, in
// English, since the C++ tests and the CLI read that file too. ko/presets.ts has the same keys.
import { presets as all } from '../../presets/presets';

const byId = (f: (p: (typeof all)[number]) => string | null) =>
  Object.fromEntries(
    all.flatMap((p) => {
      const v = f(p);
      return v === null ? [] : [[p.id, v]];
    }),
  ) as Record<string, string>;

export const presets = {
  title: byId((p) => p.title),
  source: byId((p) => p.source),
  summaryOnly: byId((p) => p.summary_only),
};
