// The model-file family of the worker protocol (protocol.ts, issue 18): what the formats module
// says a downloaded or opened Keras / TF.js file holds.
import * as v from 'valibot';
import type { TrainingSettings } from './protocol-training';

/** A float32 dataset of a Keras weights file and where its values sit in the flat weights. */
export const KerasDatasetSchema = v.object({
  path: v.string(),
  shape: v.array(v.number()),
  offset: v.number(),
});
export type KerasDataset = v.InferOutput<typeof KerasDatasetSchema>;

/** A note about an opened file: an engine message code (its place in the list), its parameters, its English. */
export const FileNoteSchema = v.object({ code: v.number(), params: v.array(v.string()), text: v.string() });
export type FileNote = v.InferOutput<typeof FileNoteSchema>;

/** The training set-up as a .keras file's compile_config records it (formats module, kerasSave). */
export interface KerasCompile {
  optimizer: TrainingSettings['optimizer'];
  learning_rate: number;
  date_saved?: string;
}
