// What crosses the worker boundary is checked where it arrives: a fake worker sends the client
// malformed replies and events, and each must become an Error naming the message and the field
// (not a value with an undefined inside that fails three calls later).
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../web/src/engine/engine-api';
import {
  ProtocolError,
  replySchemas,
  type RequestKind,
  type WorkerEvent,
} from '../../web/src/engine/protocol';
import { installFakeWorker, startClient, trainParams } from './helpers/fake-worker';

installFakeWorker();

const TRAIN_PARAMS = trainParams('rmsprop', 1);

/** A train reply as the worker sends it; NaN metrics arrive as null (the engine's JSON). */
function trainResult() {
  return {
    history: [{ epoch: 1, loss: 0.69, accuracy: 0.52, val_loss: 0.68, val_accuracy: 0.55, seconds: 1.5 }],
    stop_reason: 'finished',
    message: null,
    best_epoch: 1,
    best_val_loss: 0.68,
    best_val_accuracy: 0.55,
    test_loss: null,
    test_accuracy: 0.54,
    total_params: 8209,
    seconds: 1.5,
    state: { weights: new Float32Array(8209), optimizer: new Float32Array(8209), iterations: 32 },
  };
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  const e = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Error);
  return e as Error;
}

describe('replies are validated on arrival', () => {
  it('accepts a well-formed train reply, null metrics included', async () => {
    const { client, worker } = startClient();
    const p = client.request('train', TRAIN_PARAMS);
    worker.send({ id: 1, ok: true, value: trainResult() });
    await expect(p).resolves.toEqual(trainResult());
  });

  it('names the request and the nested field of a wrongly typed value', async () => {
    const { client, worker } = startClient();
    const p = client.request('train', TRAIN_PARAMS);
    const bad = trainResult();
    (bad.history[0] as Record<string, unknown>).val_loss = '0.68';
    worker.send({ id: 1, ok: true, value: bad });
    const e = await rejection(p);
    expect(e).toBeInstanceOf(ProtocolError);
    expect(e.message).toBe(
      'Malformed reply to \'train\' from the engine worker: field history.0.val_loss: Invalid type: Expected number but received "0.68"',
    );
  });

  it('names a missing field', async () => {
    const { client, worker } = startClient();
    const p = client.request('loadData', { pack: 'quick', num_words: 500, maxlen: 100 });
    worker.send({
      id: 1,
      ok: true,
      value: {
        pack: 'quick',
        vocab_size: 500,
        stored_length: 200,
        train_count: 10,
        validation_count: 5,
        test_count: 5,
        length_histogram: [],
        mean_length: 120,
        median_length: 110,
      },
    });
    const e = await rejection(p);
    expect(e.message).toMatch(/^Malformed reply to 'loadData' from the engine worker: field samples: /);
  });

  it('refuses a value outside an enumeration (a stop reason the page does not know)', async () => {
    const { client, worker } = startClient();
    const p = client.request('train', TRAIN_PARAMS);
    worker.send({ id: 1, ok: true, value: { ...trainResult(), stop_reason: 'completed' } });
    expect((await rejection(p)).message).toMatch(/'train'.*field stop_reason: .*"completed"/);
  });

  it('refuses NaN where a number is due (structured clone carries NaN; JSON would not)', async () => {
    const { client, worker } = startClient();
    const p = client.request('classify', { text: 'great' });
    worker.send({ id: 1, ok: true, value: { probability: NaN, tokens: [] } });
    expect((await rejection(p)).message).toMatch(/'classify'.*field probability: /);
  });

  it('names the request when the envelope itself is malformed, and keeps working afterwards', async () => {
    const { client, worker } = startClient();
    const a = client.request('pause', {});
    const b = client.request('stop', {});
    worker.send({ id: 1, value: { paused: true } }); // no ok
    expect((await rejection(a)).message).toMatch(
      /^Malformed reply to 'pause' from the engine worker: field ok: /,
    );
    worker.send({ id: 2, ok: true, value: { stopping: false } });
    await expect(b).resolves.toEqual({ stopping: false });
    expect(client.failure).toBeNull();
  });

  it('still reports an engine error as an EngineError with its message', async () => {
    const { client, worker } = startClient();
    const p = client.request('summarize', { modelJson: '{' });
    worker.send({ id: 1, ok: false, error: 'The model JSON is not valid JSON.' });
    const e = await rejection(p);
    expect(e).toBeInstanceOf(EngineError);
    expect(e.message).toBe('The model JSON is not valid JSON.');
  });

  it('accepts a trace reply as it arrived, and refuses a matrix with a row or an entry of the wrong type by its field', async () => {
    // One LSTM step of 1 unit (the matrices are checked as wholes, without valibot copying them).
    const trace = () => ({
      probability: 0.6,
      tokens: [{ text: 'good', id: 49, oov: false, cut: false, pos: 1 }],
      per_step: [0.6],
      layers: [
        {
          name: 'lstm',
          kind: 'LSTM',
          hidden: [[0.1]],
          cell: [[0.2]],
          gates: [{ name: 'input', values: [[0.5]] }],
          x: [[0.3, -0.3]],
          x_ids: null,
          x_features: 2,
          reset_after: false,
          h_prev: [[0]],
          c_prev: [[0]],
          pre: [[0, 0, 0, 0]],
          values: [[0.5, 0.5, 0, 0.5]],
          weights: [[[1, 1, 1, 1]], [[1, 1, 1, 1]], [[0, 1, 0, 0]]],
        },
      ],
      input_gradients: [0.01],
      occlusion: [0.55],
    });
    const good = startClient();
    const value = trace();
    const p = good.client.request('traceReview', { text: 'good' });
    good.worker.send({ id: 1, ok: true, value });
    const got = await p;
    expect(got).toEqual(trace());
    expect(got.layers[0].hidden).toBe(value.layers[0].hidden);

    const bad: [string, (t: ReturnType<typeof trace>) => void][] = [
      ['layers.0.hidden', (t) => ((t.layers[0].hidden[0] as unknown[])[0] = '0.1')],
      ['layers.0.pre', (t) => ((t.layers[0] as Record<string, unknown>).pre = [0, 0, 0, 0])],
      ['layers.0.gates.0.values', (t) => ((t.layers[0].gates[0].values as unknown[])[0] = null)],
      ['layers.0.weights.2', (t) => ((t.layers[0].weights[2][0] as unknown[])[1] = NaN)],
      ['layers.0.x', (t) => ((t.layers[0].x as unknown[][])[0][0] = 'NaN')],
    ];
    for (const [field, spoil] of bad) {
      const { client, worker } = startClient();
      const t = trace();
      spoil(t);
      const q = client.request('traceReview', { text: 'good' });
      worker.send({ id: 1, ok: true, value: t });
      expect((await rejection(q)).message).toBe(
        `Malformed reply to 'traceReview' from the engine worker: field ${field}: Invalid type: Expected an array of rows of numbers`,
      );
    }
  });

  it('has a schema for every request, and each refuses a value of the wrong shape', async () => {
    const kinds = Object.keys(replySchemas) as RequestKind[];
    expect(kinds.sort()).toEqual([
      'classify',
      'describeModelFile',
      'exportData',
      'exportKeras',
      'exportTfjs',
      'init',
      'loadData',
      'loadModel',
      'memory',
      'openTfjsFile',
      'pause',
      'resume',
      'stop',
      'summarize',
      'testAccuracyByLength',
      'traceReview',
      'train',
    ]);
    for (const kind of kinds) {
      const { client, worker } = startClient();
      const p = client.request(kind, {} as never);
      worker.send({ id: 1, ok: true, value: 'not an object' });
      expect((await rejection(p)).message).toMatch(
        new RegExp(`^Malformed reply to '${kind}' from the engine worker: the message itself: `),
      );
    }
  });
});

describe('runs: saved state crosses the boundary as typed arrays', () => {
  it('refuses a train reply whose weights are not a Float32Array, and a checkpoint event without its state', async () => {
    const { client, worker } = startClient();
    const p = client.request('train', TRAIN_PARAMS);
    worker.send({
      id: 1,
      ok: true,
      value: { ...trainResult(), state: { weights: [0.5], optimizer: new Float32Array(0), iterations: 1 } },
    });
    expect((await rejection(p)).message).toMatch(
      /^Malformed reply to 'train' from the engine worker: field state\.weights: /,
    );
    const second = startClient();
    const seen: WorkerEvent[] = [];
    second.client.on((e) => seen.push(e));
    const pending = second.client.request('train', TRAIN_PARAMS);
    second.worker.send({ event: 'checkpoint', epoch: 1 });
    expect((await rejection(pending)).message).toMatch(/checkpoint/);
  });
});

describe('events are validated on arrival', () => {
  it('ends the worker on a malformed event, naming the event and the field, and rejects what is pending', async () => {
    const { client, worker } = startClient();
    const seen: WorkerEvent[] = [];
    client.on((e) => seen.push(e));
    const p = client.request('train', TRAIN_PARAMS);
    worker.send({
      event: 'batch',
      epoch: 1,
      batch: 1,
      batches_per_epoch: 10,
      loss: 0.7,
      accuracy: 0.5,
      batch_loss: 0.7,
      eta_seconds: 3,
    });
    const message =
      'Malformed \'batch\' event from the engine worker: field samples_per_second: Invalid key: Expected "samples_per_second" but received undefined';
    expect((await rejection(p)).message).toBe(message);
    expect(seen).toEqual([{ event: 'fatal', error: message }]);
    expect(client.failure).toBe(message);
    expect(worker.terminated).toBe(true);
  });

  it('refuses an unknown event and a message that is neither reply nor event', () => {
    const first = startClient();
    first.worker.send({ event: 'progress', value: 3 });
    expect(first.client.failure).toMatch(/^Malformed 'progress' event from the engine worker: field event: /);
    const second = startClient();
    second.worker.send('hello');
    expect(second.client.failure).toBe(
      'Malformed message from the engine worker: it has neither an id (a reply) nor an event name.',
    );
  });

  it('passes a well-formed epoch event with a NaN (null) loss to listeners', () => {
    const { client, worker } = startClient();
    const seen: WorkerEvent[] = [];
    client.on((e) => seen.push(e));
    const epoch = {
      event: 'epoch',
      epoch: 2,
      loss: null,
      accuracy: 0.5,
      val_loss: null,
      val_accuracy: 0.5,
      seconds: 1,
    };
    worker.send(epoch);
    expect(seen).toEqual([epoch]);
    expect(client.failure).toBeNull();
  });
});
