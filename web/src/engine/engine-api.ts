// Typed access to the WebAssembly module's functions. Every bound function returns a JSON reply
// {"ok": true, "value": ...} | {"ok": false, "error": "..."}; this module turns a failure into an
// EngineError with the engine's message. Used by the worker and by the Vitest tests (in Node).
import * as v from 'valibot';
import { ENGINE_MESSAGES } from '../i18n/engine-messages';
import { codeOf, type Coded } from '../i18n/message';
import type { EngineSession, RnnEngineModule } from '../wasm/rnn_engine.mjs';
import type { DataSettings, ExportedData } from './protocol';
import { TfjsNoteSchema, tfjsNotes } from './tfjs-notes';

export class EngineError extends Error {
  readonly code?: string;
  readonly params?: unknown[];
  /** `coded`: the code and parameters the engine or worker sent with the message, if any. */
  constructor(message: string, coded: Coded = {}) {
    super(message);
    this.name = 'EngineError';
    const { code, params } = codeOf(coded);
    if (code) {
      this.code = code;
      this.params = params;
    }
  }
}

// The replies below cross the worker boundary: each type is inferred from its valibot schema, so the
// check the page runs on arrival (protocol.ts, client.ts) and the type cannot drift apart.
export const SummaryRowSchema = v.object({
  name: v.string(),
  type: v.string(),
  output_shape: v.string(),
  params: v.number(),
  formula: v.string(),
});
export type SummaryRow = v.InferOutput<typeof SummaryRowSchema>;

export const ModelSummarySchema = v.object({
  model_name: v.string(),
  input_shape: v.string(),
  rows: v.array(SummaryRowSchema),
  total_params: v.number(),
  trainable_params: v.number(),
  non_trainable_params: v.number(),
  /** The engine's notes in English (the CLI's); the page shows `tfjs_notes` in its language. */
  notes: v.array(v.string()),
  text: v.string(),
  tfjs_notes: v.optional(v.array(TfjsNoteSchema), []),
});
export type ModelSummary = v.InferOutput<typeof ModelSummarySchema>;

export const EngineInfoSchema = v.object({
  simd: v.boolean(),
  version: v.string(),
});
export type EngineInfo = v.InferOutput<typeof EngineInfoSchema>;

export function unwrapReply<T>(reply: string): T {
  const parsed = JSON.parse(reply) as
    { ok: true; value: T } | { ok: false; error: string; code?: number; params?: string[] };
  if (parsed.ok) return parsed.value;
  // A coded message: the code is its position in cpp/engine/messages.def (engine-messages.ts).
  const code = parsed.code === undefined ? undefined : ENGINE_MESSAGES[parsed.code]?.code;
  throw new EngineError(parsed.error, { code, params: parsed.params });
}

export function summarizeModel(module: RnnEngineModule, modelJson: string): ModelSummary {
  const s = unwrapReply<Omit<ModelSummary, 'tfjs_notes'>>(module.summarizeModel(modelJson));
  return { ...s, tfjs_notes: tfjsNotes(modelJson, s.rows) };
}

export function engineInfo(module: RnnEngineModule): EngineInfo {
  return unwrapReply<EngineInfo>(module.engineInfo());
}

/** The loaded pack's splits at these settings, copied out of wasm memory (the notebook's .npz). */
export function exportedData(
  session: EngineSession,
  d: Pick<DataSettings, 'num_words' | 'maxlen'>,
): ExportedData {
  const array = (which: number) => {
    const view = session.dataView(d.num_words, d.maxlen, which);
    if (typeof view === 'string') throw new EngineError(view);
    return view.slice();
  };
  const labels = (which: number) => Uint8Array.from(array(which));
  return {
    maxlen: d.maxlen,
    x_train: array(0),
    y_train: labels(1),
    x_val: array(2),
    y_val: labels(3),
    x_test: array(4),
    y_test: labels(5),
  };
}
