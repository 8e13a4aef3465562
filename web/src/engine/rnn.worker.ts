// The engine worker: owns one WebAssembly module and answers the requests of protocol.ts.
/// <reference lib="webworker" />
import createRnnEngine, { type RnnEngineModule } from '../wasm/rnn_engine.mjs';
import { engineInfo, summarizeModel } from './engine-api';
import type { Reply, Request, RequestMap } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let modulePromise: Promise<RnnEngineModule> | null = null;
function engine(): Promise<RnnEngineModule> {
  modulePromise ??= createRnnEngine();
  return modulePromise;
}

type Handlers = { [K in keyof RequestMap]: (params: RequestMap[K]['params']) => Promise<RequestMap[K]['result']> };

const handlers: Handlers = {
  init: async () => engineInfo(await engine()),
  summarize: async ({ modelJson }) => summarizeModel(await engine(), modelJson),
};

self.onmessage = async (e: MessageEvent<Request>) => {
  const req = e.data;
  let reply: Reply;
  try {
    const handler = handlers[req.kind] as (p: unknown) => Promise<unknown>;
    if (!handler) throw new Error(`Unknown request '${String(req.kind)}'`);
    reply = { id: req.id, ok: true, value: await handler(req.params) };
  } catch (err) {
    reply = { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
