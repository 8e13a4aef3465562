// The engine's coded messages: the page's list of codes is generated from the engine's
// cpp/engine/messages.def (and is not stale); the real .wasm sends each code with its parameters,
// and the page's English text for it is the engine's text; Korean has a text for every code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineError, summarizeModel, unwrapReply } from '../../web/src/engine/engine-api';
import { chooseLanguage, messageText } from '../../web/src/i18n';
import { MessageError, nested } from '../../web/src/i18n/message';
import { ENGINE_MESSAGES } from '../../web/src/i18n/engine-messages';
import { engine as en } from '../../web/src/i18n/en/engine';
import { engine as ko } from '../../web/src/i18n/ko/engine';
import { generate, OUT, readMessages } from '../../scripts/gen-engine-messages.mjs';
import { loadEngine, loadFormats } from './helpers/wasm';

const HANGUL = /[\uac00-\ud7a3]/;

const seq = (...layers: object[]) => JSON.stringify({ class_name: 'Sequential', config: { layers } });
const emb = {
  class_name: 'Embedding',
  config: { name: 'embedding', input_dim: 500, output_dim: 16, batch_input_shape: [null, 100] },
};
const lstm = (name: string, extra: object = {}) => ({
  class_name: 'LSTM',
  config: { name, units: 8, ...extra },
});

// Models the engine rejects, the code it must give and the parameters it must send.
const cases: [string, string, string[]][] = [
  [seq(emb, lstm('lstm'), lstm('lstm_1')), 'needs_sequence', ['LSTM', 'lstm_1', 'LSTM', 'lstm']],
  [seq(emb, lstm('lstm', { dropout: 1.5 })), 'rate_range', ['LSTM', 'lstm', 'dropout', '1.5']],
  [seq(emb, lstm('lstm', { units: 0 })), 'size_range', ['LSTM', 'lstm', 'units', '0']],
  [seq(emb, lstm('lstm', { units: 60000000 })), 'size_range', ['LSTM', 'lstm', 'units', '60000000']],
  ['['.repeat(70) + ']'.repeat(70), 'nested_too_deep', []],
  ['{"class_name": "Sequential", "x": 1e999}', 'number_too_large', []],
  [seq(emb, lstm('lstm', { units: 2.5 })), 'not_whole_number', ['LSTM', 'lstm', 'units', '2.5']],
  [
    seq(emb, lstm('lstm', { activation: 'swish' })),
    'unknown_activation',
    ['LSTM', 'lstm', 'activation', 'swish'],
  ],
  [seq(emb, lstm('x'), { class_name: 'Dense', config: { name: 'x', units: 1 } }), 'duplicate_name', ['x']],
  [seq(emb, { class_name: 'Conv1D', config: { name: 'c' } }), 'unsupported_layer', ['2', 'Conv1D']],
  [seq(lstm('lstm'), emb), 'one_hot_needs_vocabulary', ['LSTM', 'lstm', '0']],
  [JSON.stringify({ class_name: 'Functional', config: {} }), 'not_sequential', ['Functional']],
  ['[1, 2]', 'not_object', []],
  [seq(), 'no_layers_besides_input', []],
  // Options and shapes Keras writes that this engine refuses (layer_config_reader.cpp, model_spec.cpp).
  [seq(emb, lstm('lstm', { trainable: false })), 'not_trainable', ['LSTM', 'lstm']],
  [
    seq({ ...emb, config: { ...emb.config, mask_zero: true } }, lstm('lstm')),
    'mask_zero_unsupported',
    ['Embedding', 'embedding', 'mask_zero'],
  ],
  [seq(emb, lstm('lstm', { go_backwards: true })), 'option_must_be_false', ['LSTM', 'lstm', 'go_backwards']],
  [
    seq(emb, lstm('lstm', { kernel_regularizer: { class_name: 'L2' } })),
    'option_must_be_null',
    ['LSTM', 'lstm', 'kernel_regularizer', '{"class_name":"L2"}'],
  ],
  [
    seq(emb, lstm('lstm', { kernel_initializer: 'Foo' })),
    'unsupported_initializer',
    ['LSTM', 'lstm', 'Foo', 'kernel_initializer'],
  ],
  [seq(emb, lstm('lstm', { activation: 5 })), 'activation_not_name', ['LSTM', 'lstm', 'activation', '5']],
  [
    seq(emb, lstm('lstm', { units: 3000000000 })),
    'size_far_too_large',
    ['LSTM', 'lstm', 'units', '3000000000'],
  ],
  [
    seq(emb, { class_name: 'InputLayer', config: { batch_shape: [null, 100] } }),
    'input_layer_not_first',
    ['2'],
  ],
  [seq({ class_name: 'InputLayer', config: {} }, emb), 'input_layer_no_shape', []],
  [
    seq({ ...emb, config: { ...emb.config, batch_input_shape: [null, 100, 500] } }),
    'embedding_one_hot_shape',
    ['embedding', '500'],
  ],
  [seq(emb, { config: {} }), 'layer_no_class_name', ['2']],
  [
    seq({ ...emb, config: { ...emb.config, batch_input_shape: 'x' } }),
    'shape_not_list',
    ['Embedding', 'embedding', '"x"'],
  ],
  [
    seq({ ...emb, config: { ...emb.config, batch_input_shape: [null, 1.5] } }),
    'shape_entry_not_whole',
    ['Embedding', 'embedding', '[null,1.5]'],
  ],
  [
    seq({ class_name: 'InputLayer', config: { name: 'input_layer', batch_shape: [null, 0] } }, emb),
    'shape_size_range',
    ['InputLayer', 'input_layer', '[null,0]'],
  ],
  [seq(lstm('lstm', { batch_input_shape: [null, 100] })), 'one_hot_needs_shape', ['LSTM', 'lstm', '100']],
];

describe('engine message codes', () => {
  it('come from cpp/engine/messages.def, and the generated file is current', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(generate());
    expect(ENGINE_MESSAGES.map((m) => m.code)).toEqual(readMessages().map((m) => m.code));
    expect(new Set(ENGINE_MESSAGES.map((m) => m.code)).size).toBe(ENGINE_MESSAGES.length);
  });

  it('have an English and a Korean text for every code, Korean with Hangul and every parameter', () => {
    for (const m of ENGINE_MESSAGES) {
      const values = m.params.map((p, i) => `<${p}${i}>`);
      const english = (en[m.code] as (...v: string[]) => string)(...values);
      const korean = (ko[m.code] as (...v: string[]) => string)(...values);
      expect(english, m.code).not.toMatch(/\{\w+\}/);
      expect(korean, m.code).toMatch(HANGUL);
      for (const v of values) {
        expect(english, `${m.code} ${v}`).toContain(v);
        expect(korean, `${m.code} ${v}`).toContain(v);
      }
    }
    expect(Object.keys(ko).sort()).toEqual(ENGINE_MESSAGES.map((m) => m.code).sort());
  });

  it.each(cases)('the engine sends its code and parameters (%#: %s)', async (model, code, params) => {
    const engine = await loadEngine();
    let error: unknown;
    try {
      summarizeModel(engine, model);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    const e = error as EngineError;
    expect(e.code).toBe(code);
    expect(e.params).toEqual(params);
    // The page's English is exactly the engine's own text (what the CLI prints).
    expect((en[code as keyof typeof en] as (...v: string[]) => string)(...params)).toBe(e.message);
  });

  // A damaged pack: the engine's coded reason travels inside the page's dataDamaged message (as the
  // worker sends it) and is said in Korean too.
  it("a damaged pack is coded, and said in Korean inside the page's message", async () => {
    const m = await loadEngine();
    const s = new m.Session();
    try {
      const bytes = new Uint8Array(
        readFileSync(new URL('../../build/data/imdb-quick.pack', import.meta.url)),
      );
      bytes[bytes.length - 100] ^= 0xff;
      let error: unknown;
      try {
        unwrapReply(s.loadPack(bytes));
      } catch (e) {
        error = e;
      }
      expect((error as EngineError).code).toBe('pack_checksum');
      const damaged = new MessageError('dataDamaged', 'imdb-quick.pack', nested(error));
      // Across the worker boundary a message is plain data: {error, code, params}.
      const sent = structuredClone({ error: damaged.message, code: damaged.code, params: damaged.params });
      expect(sent.error).toContain('data pack: corrupt: the checksum does not match');
      chooseLanguage('ko');
      const korean = messageText(sent);
      expect(korean).toMatch(
        /^데이터 파일 imdb-quick\.pack이 손상되었습니다: 데이터 팩이 손상되었습니다: 체크섬이 맞지 않습니다 \(저장된 CRC-32 \d+, 계산한 값 \d+\)/,
      );
      expect(korean).not.toMatch(/corrupt|checksum|does not/);
      chooseLanguage('en');
      expect(messageText(sent)).toBe(damaged.message);
      // A training request the session cannot honour is coded too (the page's own checks come first).
      unwrapReply(
        s.loadPack(
          new Uint8Array(readFileSync(new URL('../../build/data/imdb-quick.pack', import.meta.url))),
        ),
      );
      const model = seq(emb, lstm('lstm'), {
        class_name: 'Dense',
        config: { name: 'dense', units: 1, activation: 'sigmoid' },
      });
      const refused = (settings: object) => {
        try {
          unwrapReply(s.startTraining(model, JSON.stringify(settings)));
        } catch (e) {
          return e as EngineError;
        }
        throw new Error('not refused');
      };
      expect(refused({ num_words: 500, maxlen: 100, optimizer: 'adagrad' })).toMatchObject({
        code: 'unknown_optimizer',
        params: ['adagrad'],
      });
      expect(refused({ num_words: 500, maxlen: 50 })).toMatchObject({
        code: 'input_length_maxlen',
        params: ['100', '50'],
      });
      expect(refused({ num_words: 500, maxlen: 100, epochs: 'ten' })).toMatchObject({
        code: 'setting_type',
        params: ['epochs', 'a number', '"ten"'],
      });
    } finally {
      s.delete();
    }
  });
  // A bad TF.js model.json opened with "Open a model" (the formats module's tfjsOpen): coded, with
  // the CLI's English text, and said in Korean.
  it('a bad TF.js model.json is coded, and said in Korean', async () => {
    const formats = await loadFormats();
    const refused = (modelJson: string, weightsBin = new Uint8Array()) => {
      try {
        unwrapReply(formats.tfjsOpen(modelJson, weightsBin));
      } catch (e) {
        return e as EngineError;
      }
      throw new Error('not refused');
    };
    const graph = refused(JSON.stringify({ format: 'graph-model', modelTopology: {} }));
    expect(graph).toBeInstanceOf(EngineError);
    expect(graph).toMatchObject({ code: 'tfjs_graph_model', params: ['"graph-model"'] });
    expect(graph.message).toBe(
      'model.json: "format" is "graph-model"; only TF.js "layers-model" files can be loaded (a "graph-model" holds no Keras layers)',
    );
    expect(en.tfjs_graph_model('"graph-model"')).toBe(graph.message);
    expect(refused('{"modelTopology": ')).toMatchObject({ code: 'tfjs_not_json', params: [] });
    const sent = { error: graph.message, code: graph.code, params: graph.params };
    // A weight file path the loader refuses, one of each kind: the reason is said in Korean too.
    const topology = JSON.parse(seq(emb, lstm('lstm')));
    const paths = [
      '',
      'a\\b.bin',
      'http://x/w.bin',
      '/w.bin',
      '~/w.bin',
      '../w.bin',
      'a//w.bin',
      'dir/',
      'wé.bin',
    ];
    const pathRefusals = paths.map((path) =>
      refused(
        JSON.stringify({
          format: 'layers-model',
          modelTopology: topology,
          weightsManifest: [{ paths: [path], weights: [] }],
        }),
      ),
    );
    for (const r of pathRefusals) expect(r).toMatchObject({ code: 'tfjs_path_refused' });
    const reasons = pathRefusals.map((r) => String(r.params?.[1]));
    expect(new Set(reasons).size).toBe(paths.length);
    chooseLanguage('ko');
    try {
      const korean = messageText(sent);
      expect(korean).toMatch(HANGUL);
      expect(korean).toContain('"graph-model"');
      expect(korean).not.toMatch(/only TF\.js|can be loaded/);
      for (const [i, r] of pathRefusals.entries()) {
        const reason = reasons[i];
        const text = messageText({ error: r.message, code: r.code, params: r.params });
        expect(text, reason).toMatch(HANGUL);
        expect(text, reason).not.toContain(reason);
        expect(text, reason).not.toMatch(/\bit (contains|is|starts|names)\b|relative to|the path/);
      }
    } finally {
      chooseLanguage('en');
    }
  });
});
