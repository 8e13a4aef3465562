// The real .wasm in Node, through the same typed API the worker uses: every curriculum model's
// parameter counts (CURRICULUM.md's table, typed in as the expectation) and invalid models.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineError, engineInfo, summarizeModel } from '../../web/src/engine/engine-api';
import { presets } from '../../web/src/presets/presets';
import { embedding, layer, sequential, stackWithoutSequences } from './helpers/model-json';
import { loadEngine } from './helpers/wasm';

const curriculum: Record<string, { perLayer: number[]; total: number }> = {
  'onehot-simplernn-500': { perLayer: [4072, 9], total: 4081 },
  'embedding-simplernn-500': { perLayer: [8000, 200, 9], total: 8209 },
  'onehot-simplernn-200': { perLayer: [1672, 9], total: 1681 },
  'embedding-simplernn-200': { perLayer: [3200, 200, 9], total: 3409 },
  lstm: { perLayer: [8000, 800, 9], total: 8809 },
  'lstm-dropout': { perLayer: [8000, 800, 9], total: 8809 },
  'lstm-2layer': { perLayer: [8000, 800, 544, 9], total: 9353 },
  gru: { perLayer: [8000, 624, 9], total: 8633 },
  'blog-simplernn': { perLayer: [320000, 2080, 33], total: 322113 },
  'blog-simplernn-4': { perLayer: [320000, 2080, 2080, 2080, 2080], total: 328320 },
  'blog-lstm': { perLayer: [20000, 4480, 33], total: 24513 },
  'reuters-gru': { perLayer: [2560000, 394752, 148224, 5934], total: 3108910 },
  // One-hot over 35 ids: SimpleRNN 8·(35+8+1), LSTM 4·8·(35+8+1), GRU 3·8·(35+8+2); Dense 8+1.
  'long-memory-simplernn': { perLayer: [352, 9], total: 361 },
  'long-memory-lstm': { perLayer: [1408, 9], total: 1417 },
  'long-memory-gru': { perLayer: [1080, 9], total: 1089 },
};

describe('engine (WebAssembly in Node)', () => {
  it('reports SIMD', async () => {
    expect(engineInfo(await loadEngine()).simd).toBe(true);
  });

  // Issue 7's size bar, read strictly (300 KB = 300,000 bytes): a property of the build, not a
  // timing, so it is a test; docs/benchmarks.md says what keeps the module this small.
  it('ships a .wasm under 300,000 bytes', () => {
    const bytes = statSync(new URL('../../web/src/wasm/rnn_engine.wasm', import.meta.url)).size;
    expect(bytes).toBeGreaterThan(50_000); // a real module, not an empty file
    expect(bytes).toBeLessThan(300_000);
  });

  it.each(presets.map((p) => [p.id, p] as const))('counts %s as Keras', async (id, preset) => {
    const s = summarizeModel(await loadEngine(), JSON.stringify(preset.model));
    expect(s.rows.map((r) => r.params)).toEqual(curriculum[id].perLayer);
    expect(s.total_params).toBe(curriculum[id].total);
    expect(s.text).toContain(`Total params: ${curriculum[id].total.toLocaleString('en-US')}\n`);
  });

  it('reads every shared spelling of the LSTM model', async () => {
    const m = await loadEngine();
    for (const f of ['lstm_keras2', 'lstm_keras3', 'lstm_tfjs_topology', 'lstm_tfjs_converter_model']) {
      const text = readFileSync(new URL(`../data/keras-json/${f}.json`, import.meta.url), 'utf8');
      const s = summarizeModel(m, text);
      expect(s.total_params, f).toBe(8809);
      expect(s.rows.map((r) => r.output_shape)).toEqual(['(None, 100, 16)', '(None, 8)', '(None, 1)']);
    }
  });

  it('explains the GRU 624 with its formula', async () => {
    const gru = presets.find((p) => p.id === 'gru')!;
    const s = summarizeModel(await loadEngine(), JSON.stringify(gru.model));
    expect(s.rows[1].formula).toBe('3 × 8 × (16 + 8 + 2) = 624');
  });

  const invalid: [string, string, string][] = [
    ['not JSON', '{oops', 'not valid JSON'],
    [
      'stack without sequences',
      JSON.stringify(stackWithoutSequences(embedding(10, 4, 5, 'e'), 3, ['a', 'b'])),
      'Set return_sequences on the layer below',
    ],
    ['unsupported layer', JSON.stringify(sequential([layer('Conv1D', { name: 'c' })])), 'Conv1D'],
    ['too many parameters', JSON.stringify(sequential([embedding(10_000_000, 100, 5, 'big')])), 'limit'],
    ['deep nesting', '['.repeat(200000) + ']'.repeat(200000), 'nested'],
  ];
  it.each(invalid)('rejects %s with a message, and keeps working', async (_label, text, fragment) => {
    const m = await loadEngine();
    expect(() => summarizeModel(m, text)).toThrowError(EngineError);
    expect(() => summarizeModel(m, text)).toThrowError(fragment);
    expect(summarizeModel(m, JSON.stringify(presets[0].model)).total_params).toBe(4081);
  });
});
