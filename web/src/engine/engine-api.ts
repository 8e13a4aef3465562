// Typed access to the WebAssembly module's functions. Every bound function returns a JSON reply
// {"ok": true, "value": ...} | {"ok": false, "error": "..."}; this module turns a failure into an
// EngineError with the engine's message. Used by the worker and by the Vitest tests (in Node).
import { ENGINE_MESSAGES } from '../i18n/engine-messages';
import { codeOf, type Coded } from '../i18n/message';
import type { RnnEngineModule } from '../wasm/rnn_engine.mjs';

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

export interface SummaryRow {
  name: string;
  type: string;
  output_shape: string;
  params: number;
  formula: string;
}

export interface ModelSummary {
  model_name: string;
  input_shape: string;
  rows: SummaryRow[];
  total_params: number;
  trainable_params: number;
  non_trainable_params: number;
  notes: string[];
  text: string;
}

export interface EngineInfo {
  simd: boolean;
  version: string;
}

export function unwrapReply<T>(reply: string): T {
  const parsed = JSON.parse(reply) as { ok: true; value: T } | { ok: false; error: string; code?: number; params?: string[] };
  if (parsed.ok) return parsed.value;
  // A coded message: the code is its position in cpp/engine/messages.def (engine-messages.ts).
  const code = parsed.code === undefined ? undefined : ENGINE_MESSAGES[parsed.code]?.code;
  throw new EngineError(parsed.error, { code, params: parsed.params });
}

export function summarizeModel(module: RnnEngineModule, modelJson: string): ModelSummary {
  return unwrapReply<ModelSummary>(module.summarizeModel(modelJson));
}

export function engineInfo(module: RnnEngineModule): EngineInfo {
  return unwrapReply<EngineInfo>(module.engineInfo());
}
