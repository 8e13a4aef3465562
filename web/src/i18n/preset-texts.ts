// The presets' English texts by preset id (title, source, why "summary only"), from the entries of
// presets.json. Imports nothing, so code that cannot import the JSON module (Playwright's loader)
// can build the same table from the file it reads itself.

/** What a preset entry holds of text. */
export interface PresetText {
  id: string;
  title: string;
  source: string;
  summary_only: string | null;
}

/** Each text by preset id; a preset without one (summary_only null) is left out of that table. */
export function presetTexts(entries: readonly PresetText[]) {
  const byId = (f: (p: PresetText) => string | null) =>
    Object.fromEntries(
      entries.flatMap((p) => {
        const v = f(p);
        return v === null ? [] : [[p.id, v]];
      }),
    ) as Record<string, string>;
  return {
    title: byId((p) => p.title),
    source: byId((p) => p.source),
    summaryOnly: byId((p) => p.summary_only),
  };
}
