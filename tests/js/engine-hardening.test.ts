// Issue 13 at the WebAssembly boundary: what the outside review found, through the real .wasm in
// Node. An LSTM of 2^30 units (counted 0 parameters in 32 bits: memory corruption in the module)
// and a number beyond double (escaped as nlohmann's raw out_of_range text) are messages naming what
// to change; training settings of the wrong type are refused by name instead of ignored (or
// escaping as nlohmann's type_error); and the module keeps working afterwards.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unwrapReply } from '../../web/src/engine/engine-api';
import { presets } from '../../web/src/presets/presets';
import { loadEngine } from './helpers/wasm';

const quickPack = new URL('../../build/data/imdb-quick.pack', import.meta.url);

function lstmModel(units: string): string {
  return (
    '{"class_name":"Sequential","config":{"layers":[' +
    '{"class_name":"Embedding","config":{"name":"e","input_dim":500,"output_dim":16,"batch_input_shape":[null,100]}},' +
    `{"class_name":"LSTM","config":{"name":"lstm","units":${units}}},` +
    '{"class_name":"Dense","config":{"name":"d","units":1,"activation":"sigmoid"}}]}}'
  );
}

describe('engine hardening (WebAssembly in Node)', () => {
  it('refuses huge and out-of-range model numbers with messages, then still summarises a good model', async () => {
    const m = await loadEngine();
    expect(() => unwrapReply(m.summarizeModel(lstmModel('1073741824')))).toThrowError(
      /LSTM layer 'lstm'.*too large.*units=1073741824/,
    );
    expect(() => unwrapReply(m.summarizeModel(lstmModel('1e999')))).toThrowError(/too large for a double/);
    expect(() => unwrapReply(m.summarizeModel(lstmModel('1e999')))).not.toThrowError(/json\.exception/);
    const summary = unwrapReply<{ total_params: number }>(m.summarizeModel(lstmModel('32')));
    expect(summary.total_params).toBe(500 * 16 + 4 * 32 * (16 + 32 + 1) + 33);
  });

  it('names training settings of the wrong type instead of ignoring them', async () => {
    const m = await loadEngine();
    const s = new m.Session();
    try {
      unwrapReply(s.loadPack(new Uint8Array(readFileSync(quickPack))));
      const model = JSON.stringify(presets.find((p) => p.id === 'lstm')!.model);
      expect(() => unwrapReply(s.startTraining(model, '{"learning_rate": "fast"}'))).toThrowError(
        /learning_rate must be a number/,
      );
      expect(() => unwrapReply(s.startTraining(model, '{"optimizer": 3}'))).toThrowError(
        /optimizer must be a name/,
      );
      expect(() =>
        unwrapReply(s.startTraining(model, '{"patience": 2, "restore_best": "yes"}')),
      ).toThrowError(/restore_best must be true or false/);
    } finally {
      s.delete();
    }
  });
});
