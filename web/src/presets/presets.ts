// The curriculum's models (CURRICULUM.md), one entry per preset id. presets.json is also read by
// the C++ tests, which check every parameter count against the table Keras printed.
import type { DataPackId, TrainingSettings } from '../engine/protocol';
import raw from './presets.json';

/** A preset's training set-up: the protocol's settings without the seed and the Keras version (the page picks them). */
export type PresetTraining = Omit<TrainingSettings, 'seed' | 'keras'>;

export interface Preset {
  id: string;
  title: string;
  source: string;
  model: unknown;
  /** `pack`: the data set the preset is made for (Long memory); absent: IMDB, the quick subset or the book's split. */
  data: { num_words: number; maxlen: number; pack?: DataPackId };
  training: PresetTraining;
  /** Why this preset cannot be trained here (null when it can). */
  summary_only: string | null;
  book_curves: { source: string; model: string }[];
}

export const presets: Preset[] = raw as Preset[];

export const PRESET_IDS = presets.map((p) => p.id);

export function presetById(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}
