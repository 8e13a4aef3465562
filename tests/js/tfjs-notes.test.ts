// The page's TF.js notes (engine/tfjs-notes.ts) against the engine's own (tfjs_compatibility_note,
// the summary's English `notes`), on the real .wasm: for every preset, every shared spelling of a
// model and generated models (every wrapper, Keras 2 and 3, reset_after absent/true/false, each
// spelling of hard_sigmoid in each place), the English the page writes from its notes is the
// engine's note, word for word, so the two cannot disagree on when a note applies. The Korean texts
// say the same in Korean: Hangul, the layer's name, no English sentence.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeModel, type ModelSummary } from '../../web/src/engine/engine-api';
import { model as en } from '../../web/src/i18n/en/model';
import { model as ko } from '../../web/src/i18n/ko/model';
import { presets } from '../../web/src/presets/presets';
import { loadEngine } from './helpers/wasm';

/** The engine's note text rebuilt from the page's notes (the engine joins its notes with a space). */
function englishOf(s: ModelSummary): string[] {
  const text = s.tfjs_notes.map((n) => en.tfjsNote[n.kind](n.layer)).join(' ');
  return text ? [text] : [];
}

const SPELLINGS = ['lstm_keras2', 'lstm_keras3', 'lstm_tfjs_topology', 'lstm_tfjs_converter_model'];

describe('TF.js notes: the page and the engine agree', () => {
  it('on every preset, with the GRU presets noted and the others not', async () => {
    const m = await loadEngine();
    for (const p of presets) {
      const s = summarizeModel(m, JSON.stringify(p.model));
      expect(englishOf(s), p.id).toEqual(s.notes);
      const grus = s.rows.filter((r) => r.type === 'GRU').map((r) => r.name);
      expect(s.tfjs_notes, p.id).toEqual(grus.map((layer) => ({ kind: 'gru_reset_after', layer })));
    }
  });

  it('on the shared Keras 2, Keras 3 and TF.js spellings, with a GRU or hard_sigmoid put in', async () => {
    const m = await loadEngine();
    for (const f of SPELLINGS) {
      const text = readFileSync(new URL(`../data/keras-json/${f}.json`, import.meta.url), 'utf8');
      const plain = summarizeModel(m, text);
      expect(plain.notes, f).toEqual([]);
      expect(plain.tfjs_notes, f).toEqual([]);
      // The same file with its LSTM made a GRU, and with hard_sigmoid gates.
      for (const [from, to] of [
        ['"LSTM"', '"GRU"'],
        ['"sigmoid"', '"hard_sigmoid"'],
      ]) {
        const changed = summarizeModel(m, text.replaceAll(from, to));
        expect(englishOf(changed), `${f} ${to}`).toEqual(changed.notes);
      }
    }
    const keras3 = readFileSync(new URL('../data/keras-json/lstm_keras3.json', import.meta.url), 'utf8');
    const hard = summarizeModel(m, keras3.replaceAll('"sigmoid"', '"hard_sigmoid"'));
    expect(hard.tfjs_notes.map((n) => n.kind)).toContain('keras3_hard_sigmoid');
  });

  it('on generated models (every wrapper, both Keras generations, each option)', async () => {
    const m = await loadEngine();
    const seen = { gru: 0, hard: 0, none: 0 };
    const activation = fc.constantFrom<unknown>(
      undefined,
      'tanh',
      'sigmoid',
      'hard_sigmoid',
      'hardSigmoid',
      { module: 'keras.activations', class_name: 'function', config: 'hard_sigmoid' },
      { module: 'keras.activations', class_name: 'function', config: 'sigmoid' },
    );
    const recurrent = fc.record({
      kind: fc.constantFrom('SimpleRNN', 'LSTM', 'GRU'),
      named: fc.boolean(),
      reset_after: fc.constantFrom<unknown>(undefined, true, false),
      activation,
      recurrent_activation: activation,
    });
    const model = fc.record({
      layers: fc.array(recurrent, { minLength: 1, maxLength: 3 }),
      dense: fc.option(activation, { nil: null }),
      dropout: fc.boolean(),
      inputLayer: fc.boolean(),
      oneHot: fc.boolean(),
      module: fc.constantFrom('none', 'model', 'root'),
      wrapper: fc.constantFrom('plain', 'topology', 'converter', 'model_config', 'array'),
    });
    await fc.assert(
      fc.property(model, (g) => {
        const cfg = (o: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
        const shape = g.oneHot ? [null, 12, 7] : [null, 12];
        const layers: unknown[] = [];
        if (g.inputLayer) layers.push({ class_name: 'InputLayer', config: { batch_input_shape: shape } });
        const first = g.inputLayer ? {} : { batch_input_shape: shape };
        if (!g.oneHot)
          layers.push({ class_name: 'Embedding', config: { ...first, input_dim: 30, output_dim: 4 } });
        g.layers.forEach((l, i) =>
          layers.push({
            class_name: l.kind,
            config: cfg({
              ...(g.oneHot && i === 0 ? first : {}),
              name: l.named ? `rec ${i}` : undefined,
              units: 3,
              return_sequences: i < g.layers.length - 1,
              reset_after: l.kind === 'GRU' ? l.reset_after : undefined,
              activation: l.activation,
              recurrent_activation: l.recurrent_activation,
            }),
          }),
        );
        if (g.dropout) layers.push({ class_name: 'Dropout', config: { rate: 0.2 } });
        if (g.dense !== null)
          layers.push({ class_name: 'Dense', config: cfg({ units: 1, activation: g.dense }) });
        const sequential: Record<string, unknown> =
          g.wrapper === 'array'
            ? { class_name: 'Sequential', config: layers }
            : { class_name: 'Sequential', config: { name: 'generated', layers } };
        if (g.module === 'model') sequential.module = 'keras';
        const root: Record<string, unknown> =
          g.wrapper === 'topology'
            ? { modelTopology: sequential }
            : g.wrapper === 'converter'
              ? { format: 'layers-model', modelTopology: { model_config: sequential } }
              : g.wrapper === 'model_config'
                ? { model_config: sequential }
                : sequential;
        if (g.module === 'root') root.module = 'keras';
        const s = summarizeModel(m, JSON.stringify(root));
        expect(englishOf(s)).toEqual(s.notes);
        seen.gru += s.tfjs_notes.filter((n) => n.kind === 'gru_reset_after').length;
        seen.hard += s.tfjs_notes.filter((n) => n.kind === 'keras3_hard_sigmoid').length;
        seen.none += s.tfjs_notes.length === 0 ? 1 : 0;
      }),
      { numRuns: 400, seed: 19 },
    );
    // The property saw both notes and models without any (it is not passing on empty lists).
    expect(seen.gru).toBeGreaterThan(50);
    expect(seen.hard).toBeGreaterThan(50);
    expect(seen.none).toBeGreaterThan(20);
  });

  it('says each note in Korean with the layer name and no English sentence', () => {
    for (const kind of ['gru_reset_after', 'keras3_hard_sigmoid'] as const) {
      const text = ko.tfjsNote[kind]('gru_7');
      expect(text).toMatch(/[\uac00-\ud7a3]/);
      expect(text).toContain('‘gru_7’');
      expect(text).not.toMatch(/\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/);
      expect(text).not.toContain(en.tfjsNote[kind]('gru_7').slice(0, 30));
    }
  });
});
