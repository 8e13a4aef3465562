// The page's side of the worker protocol: EngineClient against a fake Worker that records what it
// is sent and replies as the real worker would (replies by id, events without one, crashes).
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../web/src/engine/engine-api';
import { isReply, type WorkerEvent } from '../../web/src/engine/protocol';
import { installFakeWorker, startClient as start, trainParams } from './helpers/fake-worker';

installFakeWorker();

describe('EngineClient', () => {
  it('starts a module worker and sends typed requests with fresh ids', () => {
    const { client, worker } = start();
    expect(worker.options).toEqual({ type: 'module' });
    expect(worker.url.pathname).toMatch(/rnn\.worker\.ts$/);
    void client.request('loadData', { pack: 'quick', num_words: 500, maxlen: 100 });
    void client.request('pause', {});
    expect(worker.sent).toEqual([
      { id: 1, kind: 'loadData', params: { pack: 'quick', num_words: 500, maxlen: 100 } },
      { id: 2, kind: 'pause', params: {} },
    ]);
  });

  it('resolves each request with the reply of its id, in any order', async () => {
    const { client, worker } = start();
    const a = client.request('pause', {});
    const b = client.request('stop', {});
    worker.send({ id: 2, ok: true, value: { stopping: true } });
    worker.send({ id: 1, ok: true, value: { paused: true } });
    await expect(a).resolves.toEqual({ paused: true });
    await expect(b).resolves.toEqual({ stopping: true });
  });

  it('rejects with an EngineError carrying the worker message', async () => {
    const { client, worker } = start();
    const p = client.request('train', trainParams('rmsprop', 2));
    worker.send({
      id: 1,
      ok: false,
      error: "The model's input length is 100 but maxlen is 80: make them equal.",
    });
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as Error).message).toBe("The model's input length is 100 but maxlen is 80: make them equal.");
  });

  it('delivers events to listeners until they unsubscribe, and ignores unknown reply ids', () => {
    const { client, worker } = start();
    const seen: WorkerEvent[] = [];
    const off = client.on((e) => seen.push(e));
    const batch: WorkerEvent = {
      event: 'batch',
      epoch: 1,
      batch: 3,
      batches_per_epoch: 32,
      loss: 0.69,
      accuracy: 0.5,
      batch_loss: 0.68,
      samples_per_second: 5000,
      eta_seconds: 2,
    };
    worker.send(batch);
    worker.send({ id: 99, ok: true, value: null });
    worker.send({ event: 'paused' });
    off();
    worker.send({ event: 'resumed' });
    expect(seen).toEqual([batch, { event: 'paused' }]);
  });

  it('on a fatal event rejects what is pending, tells listeners, and refuses new requests', async () => {
    const { client, worker } = start();
    const seen: WorkerEvent[] = [];
    client.on((e) => seen.push(e));
    const pending = client.request('train', trainParams('adam', 2));
    worker.send({ event: 'fatal', error: 'RuntimeError: memory access out of bounds' });
    await expect(pending).rejects.toThrow('RuntimeError: memory access out of bounds');
    expect(seen).toEqual([{ event: 'fatal', error: 'RuntimeError: memory access out of bounds' }]);
    expect(client.failure).toBe('RuntimeError: memory access out of bounds');
    expect(worker.terminated).toBe(true); // a trapped module is not kept alive beside its replacement
    await expect(client.request('pause', {})).rejects.toBeInstanceOf(EngineError);
    expect(worker.sent).toHaveLength(1);
  });

  it('turns a worker error event into a crash message', async () => {
    const { client, worker } = start();
    const pending = client.request('init', {});
    worker.onerror?.({ message: 'Uncaught ReferenceError: x is not defined' });
    await expect(pending).rejects.toThrow(
      'The engine worker crashed: Uncaught ReferenceError: x is not defined',
    );
    expect(client.failure).toMatch(/crashed/);
  });

  it('terminate stops the worker and rejects pending requests', async () => {
    const { client, worker } = start();
    const pending = client.request('summarize', { modelJson: '{}' });
    client.terminate();
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toThrow('The engine worker was stopped.');
  });
});

describe('protocol', () => {
  it('tells replies from events', () => {
    expect(isReply({ id: 0, ok: true, value: 1 })).toBe(true);
    expect(isReply({ id: 3, ok: false, error: 'x' })).toBe(true);
    expect(isReply({ event: 'paused' })).toBe(false);
    expect(isReply({ event: 'dataProgress', loaded: 1, total: null })).toBe(false);
  });
});
