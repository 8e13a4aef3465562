// The curriculum's models (CURRICULUM.md), one entry per preset id. presets.json is also read by
// the C++ tests, which check every parameter count against the table Keras printed.
import raw from './presets.json';

export interface TrainingSettings {
  optimizer: 'rmsprop' | 'adam' | 'sgd';
  learning_rate: number;
  batch_size: number;
  epochs: number;
  patience: number;
  restore_best: boolean;
}

export interface Preset {
  id: string;
  title: string;
  source: string;
  model: unknown;
  data: { num_words: number; maxlen: number };
  training: TrainingSettings;
  /** Why this preset cannot be trained here (null when it can). */
  summary_only: string | null;
  book_curves: { source: string; model: string }[];
}

export const presets: Preset[] = raw as Preset[];

export const PRESET_IDS = presets.map((p) => p.id);

export function presetById(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}
