// What to tell the user about a classified review besides the verdict: no words, one word, every
// word out of the vocabulary (e.g. Korean text), words out of the vocabulary, the maxlen cut.
// Pure functions of the worker's reply, so the messages are the same for every model panel.
import type { ClassifyResult } from '../../engine/protocol';
import { ui } from '../../i18n';

export interface ReviewFacts {
  /** Tokens of the review, the start token included, before maxlen. */
  total: number;
  /** Words (tokens other than the start token). */
  words: number;
  /** Words out of the vocabulary among those listed. */
  oov: number;
  kept: number;
  cut: number;
}

export function reviewFacts(r: ClassifyResult): ReviewFacts {
  const omitted = r.cut_omitted ?? 0;
  const total = omitted + r.tokens.length;
  let oov = 0;
  let cut = omitted;
  for (const t of r.tokens) {
    if (t.oov) oov++;
    if (t.cut) cut++;
  }
  return { total, words: total - 1, oov, kept: total - cut, cut };
}

/** The review has nothing to read but the start token. */
export function hasNoWords(r: ClassifyResult): boolean {
  return reviewFacts(r).words === 0;
}

/** Notes shown under the verdict, most important first. */
export function reviewNotes(r: ClassifyResult): string[] {
  const f = reviewFacts(r);
  const notes: string[] = [];
  if (f.words === 0) return [ui.classify.noWords];
  // Counted over the listed tokens; a huge paste lists only its kept part and a few cut tokens.
  const listedWords = r.tokens.filter((t) => t.id !== 1 || t.text !== '<start>').length;
  if (f.oov === listedWords) notes.push(ui.classify.allOov(listedWords));
  else if (f.oov > 0) notes.push(ui.classify.someOov(f.oov, listedWords, true));
  if (f.words === 1) notes.push(ui.classify.oneWord);
  if (f.cut > 0) notes.push(ui.classify.cut(f.total, f.kept, f.cut));
  return notes;
}
