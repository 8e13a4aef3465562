// A stand-in for the engine's Worker in Node: records what the page sends and lets a test send the
// page any message, well-formed or not (the client must check what arrives). installFakeWorker()
// swaps it in for globalThis.Worker around each test of the calling file.
import { afterEach, beforeEach } from 'vitest';
import { EngineClient } from '../../../web/src/engine/client';
import type { DataSettings, Request, TrainingSettings } from '../../../web/src/engine/protocol';

export class FakeWorker {
  static last: FakeWorker | null = null;
  sent: Request[] = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  constructor(
    public url: URL,
    public options: WorkerOptions,
  ) {
    FakeWorker.last = this;
  }
  postMessage(m: Request) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker sends a message to the page (typed loosely on purpose: tests send bad ones too). */
  send(m: unknown) {
    this.onmessage?.({ data: m });
  }
}

export function installFakeWorker(): void {
  const realWorker = (globalThis as { Worker?: unknown }).Worker;
  beforeEach(() => {
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  });
  afterEach(() => {
    (globalThis as { Worker?: unknown }).Worker = realWorker;
  });
}

/** A client talking to a fresh FakeWorker. */
export function startClient(): { client: EngineClient; worker: FakeWorker } {
  const client = new EngineClient();
  return { client, worker: FakeWorker.last! };
}

/** A train request's parameters (the fake worker does not read them; the client sends them as given). */
export function trainParams(
  optimizer: 'rmsprop' | 'adam' = 'rmsprop',
  epochs = 1,
): { modelJson: string; data: DataSettings; training: TrainingSettings } {
  return {
    modelJson: '{}',
    data: { pack: 'quick', num_words: 500, maxlen: 100 },
    training: {
      optimizer,
      learning_rate: 1e-3,
      batch_size: 64,
      epochs,
      patience: 0,
      restore_best: false,
      seed: 1,
      keras: 3,
    },
  };
}
