// Every message between the page and an engine worker. A request carries an id; the worker
// answers each with exactly one Reply of the same id: {ok: true, value} or {ok: false, error}.
// Events (progress and the like) carry no id and may arrive at any time.
import type { EngineInfo, ModelSummary } from './engine-api';

export interface RequestMap {
  /** Loads the WebAssembly module (idempotent) and reports what it supports. */
  init: { params: Record<string, never>; result: EngineInfo };
  /** Keras-style summary of a model given as Keras / TF.js JSON text. */
  summarize: { params: { modelJson: string }; result: ModelSummary };
}

export type RequestKind = keyof RequestMap;

export type Request = {
  [K in RequestKind]: { id: number; kind: K; params: RequestMap[K]['params'] };
}[RequestKind];

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };

/** Messages the worker sends without being asked. */
export type WorkerEvent = { event: 'fatal'; error: string };

export type WorkerMessage = Reply | WorkerEvent;

export function isReply(m: WorkerMessage): m is Reply {
  return (m as Reply).id !== undefined;
}
