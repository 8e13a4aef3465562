// Models back from Keras (issue 18, points 4-5), on the production build under its CSP: a trained
// model downloaded as TF.js (model.json + weights.bin) and as .keras opens again through `Open a
// model` and Classify gives the same probability (1e-6); bad files each get their message in the
// alert region, the page keeps training and classifying, and the saved runs stay byte for byte.
import { expect, test, type Page } from '@playwright/test';
import { zipSync, unzipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, truncateSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { open, openAndTrainQuick, setNumber, trainQuick } from './helpers/page';
import { misplacedControls, seriousAxeFindings } from './helpers/page-audit';
import { files as en } from '../../web/src/i18n/en/files';
import { files as ko } from '../../web/src/i18n/ko/files';

const REVIEW = 'A wonderful film, the best acting and a moving story. I loved it.';
const dir = mkdtempSync(join(tmpdir(), 'rnn-model-files-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The exact probability the Classify panel shows for REVIEW (its reply, before rounding). */
async function classifyProbability(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'Classify', exact: true }).click();
  await page.getByLabel('Review', { exact: true }).fill(REVIEW);
  await page.getByRole('button', { name: 'Classify', exact: true }).click();
  const panel = page.locator('classify-model-panel');
  await expect(panel.locator('section[aria-busy=false]')).toHaveCount(1);
  await expect(panel.getByRole('status')).toHaveText(/probability \d\.\d\d$/);
  return panel.evaluate((el) => (el as unknown as { result: { probability: number } }).result.probability);
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync((await d.path())!)) };
}

function saveFile(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

const openInput = (page: Page, label = 'Open a model') => page.getByLabel(label, { exact: true });

async function openFiles(page: Page, paths: string[], label?: string) {
  await page.getByRole('tab', { name: label ? '훈련 기록' : 'Runs', exact: true }).click();
  await openInput(page, label).setInputFiles(paths);
}

/** Every saved run with its state (weights and optimizer as plain arrays), read from IndexedDB. */
function savedRuns(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('rnn-playground');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['runs', 'states'], 'readonly');
          const runs = tx.objectStore('runs').getAll(),
            states = tx.objectStore('states').getAll();
          tx.oncomplete = () =>
            resolve(
              JSON.stringify([
                runs.result,
                states.result.map(
                  (s: { id: string; state: { weights: Float32Array; optimizer: Float32Array } }) => [
                    s.id,
                    Array.from(s.state.weights),
                    Array.from(s.state.optimizer),
                  ],
                ),
              ]),
            );
        };
      }),
  );
}

/** Waits for the message that `name` was opened with the 09-3 LSTM's 8,809 weights. */
async function expectOpened(page: Page, name: string) {
  await expect(
    page.getByText(new RegExp(`^Opened ${name.replace('.', '\\.')}: 8,809 weights\\.`)),
    name,
  ).toBeVisible();
}

/**
 * Trains the 09-3 LSTM for two epochs, downloads it with `button`, opens the files `files` makes of
 * the download and expects Classify to give the same probability as before, to 1e-6.
 */
async function roundTrip(
  page: Page,
  button: string,
  files: (download: { name: string; bytes: Uint8Array }) => { paths: string[]; opened: string },
) {
  await openAndTrainQuick(page, 2);
  const trained = await classifyProbability(page);
  const { paths, opened } = files(await download(page, button));
  await openFiles(page, paths);
  await expectOpened(page, opened);
  expect(Math.abs((await classifyProbability(page)) - trained)).toBeLessThanOrEqual(1e-6);
}

test('a trained model goes out as TF.js and comes back: Classify gives the same probability, Train goes on from it', async ({
  page,
}) => {
  await roundTrip(page, 'Download TF.js model', (tfjs) => {
    const members = unzipSync(tfjs.bytes);
    return {
      paths: [
        saveFile('tfjs/model.json', members['model.json']),
        saveFile('tfjs/weights.bin', members['weights.bin']),
      ],
      opened: 'model.json',
    };
  });
  await page.getByRole('tab', { name: 'Model', exact: true }).click();
  await expect(page.getByText(/^Total params: 8,809/)).toBeVisible();
  // Where its verdicts are shown, the page says whose word ids a model from a file may read.
  await page.getByRole('tab', { name: 'Classify', exact: true }).click();
  await expect(page.getByRole('note').filter({ hasText: en.wordIdsNote })).toBeVisible();

  // The opened model trains further (Train: go on from its weights) and is kept as a new run.
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  await setNumber(page, 'Epochs', '1');
  await page.getByRole('button', { name: /^Go on from epoch 1$/ }).click();
  await expect(page.getByRole('status')).toHaveText(/^Test accuracy: /, { timeout: 90_000 });
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'model.json', exact: true })).toBeVisible();
});

test('a trained model goes out as .keras and comes back: Classify gives the same probability', async ({
  page,
}) => {
  await roundTrip(page, 'Download .keras', (keras) => {
    expect(keras.name).toMatch(/\.keras$/);
    expect(Object.keys(unzipSync(keras.bytes))).toEqual(['metadata.json', 'config.json', 'model.weights.h5']);
    return { paths: [saveFile(keras.name, keras.bytes)], opened: keras.name };
  });
});

/** Bad files made from a good TF.js download; each with the words its message must hold. */
function badFiles(model: Uint8Array, weights: Uint8Array): { what: string; paths: string[]; says: RegExp }[] {
  const keras = (m: Record<string, Uint8Array>) => zipSync(m, { level: 0 });
  const text = (s: string) => new TextEncoder().encode(s);
  const good = {
    'metadata.json': text('{"keras_version": "3.4.1"}'),
    'config.json': text('{"class_name": "Sequential"}'),
    'model.weights.h5': Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]),
  };
  const whole = keras(good);
  const corrupt = whole.slice();
  corrupt[60] ^= 0xff;
  const bomb = zipSync({ ...good, 'metadata.json': new Uint8Array(1 << 20) }, { level: 9 });
  const v = new DataView(bomb.buffer);
  let eocd = bomb.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  v.setUint32(v.getUint32(eocd + 16, true) + 24, 2_000_000_000, true);
  const nan = new Float32Array(weights.slice().buffer);
  nan[17] = NaN;
  const doc = JSON.parse(new TextDecoder().decode(model));
  const layers = (doc.modelTopology.model_config ?? doc.modelTopology).config.layers as {
    class_name: string;
  }[];
  layers.find((l) => l.class_name === 'LSTM')!.class_name = 'Conv1D';
  const big = saveFile('huge.keras', '');
  truncateSync(big, 200 * 1024 * 1024);
  const p = (name: string, bytes: Uint8Array | string) => saveFile(name, bytes);
  return [
    { what: 'truncated zip', paths: [p('cut.keras', whole.slice(0, whole.length - 40))], says: /cut short/ },
    { what: 'corrupt zip', paths: [p('crc.keras', corrupt)], says: /checksum|damaged/ },
    {
      what: 'missing member',
      paths: [
        p('two.keras', keras({ 'metadata.json': good['metadata.json'], 'config.json': good['config.json'] })),
      ],
      says: /model\.weights\.h5 is missing/,
    },
    {
      what: 'extra member',
      paths: [p('four.keras', keras({ ...good, 'evil.sh': text('rm -rf') }))],
      says: /evil\.sh, which does not belong/,
    },
    {
      what: "'..' entry",
      paths: [p('dots.keras', keras({ ...good, '../../x.json': text('{}') }))],
      says: /“\.\.\/\.\.\/x\.json”, which points outside/,
    },
    { what: 'zip bomb', paths: [p('bomb.keras', bomb)], says: /zip bomb/ },
    { what: 'HDF5 cut short', paths: [p('h5cut.keras', keras(good))], says: /HDF5 file is cut short/ },
    { what: 'not HDF5', paths: [p('old.h5', 'this is not HDF5')], says: /not an HDF5 file/ },
    {
      what: 'non-finite weights',
      paths: [p('nan/model.json', model), p('nan/weights.bin', new Uint8Array(nan.buffer))],
      says: /not a finite number \(NaN or infinity\) at index 17/,
    },
    {
      what: 'unsupported layer',
      paths: [p('conv/model.json', text(JSON.stringify(doc))), p('conv/weights.bin', weights)],
      says: /Conv1D/,
    },
    { what: '200 MB upload', paths: [big], says: /200 MB, more than the 64 MB/ },
  ];
}

test('bad files are refused with their message; the page keeps working and no saved run changes', async ({
  page,
}) => {
  await openAndTrainQuick(page, 1);
  const trained = await classifyProbability(page);
  const tfjs = unzipSync((await download(page, 'Download TF.js model')).bytes);
  const before = await savedRuns(page);
  expect(before).toContain('"status":"finished"');

  for (const bad of badFiles(tfjs['model.json'], tfjs['weights.bin'])) {
    await openFiles(page, bad.paths);
    const alert = page.locator('open-model-panel').getByRole('alert');
    await expect(alert, bad.what).toHaveText(/^This file cannot be opened: /);
    await expect(alert, bad.what).toContainText(bad.says);
    await expect(alert, bad.what).toContainText('Nothing was changed');
  }
  // The page's model is still the trained one; training works; the saved runs did not change.
  expect(Math.abs((await classifyProbability(page)) - trained)).toBeLessThanOrEqual(1e-6);
  expect(await savedRuns(page)).toBe(before);
  await trainQuick(page, 1);
  await classifyProbability(page);
});

for (const L of [
  { locale: 'en-US', t: en, runs: 'Runs', classify: 'Classify', label: 'Open a model' },
  { locale: 'ko-KR', t: ko, runs: '훈련 기록', classify: '분류', label: '모델 열기' },
]) {
  test.describe(L.locale, () => {
    test.use({ locale: L.locale });
    test(`the Open a model controls and a refusal pass axe and fit a phone (${L.locale})`, async ({
      page,
    }) => {
      await page.goto('./');
      await page.getByRole('tab', { name: L.runs, exact: true }).click();
      await expect(page.getByRole('button', { name: L.t.downloadKeras })).toBeDisabled();
      await openInput(page, L.label).setInputFiles([
        saveFile(`bad-${L.locale}.keras`, 'PK\x03\x04 and then nothing'),
      ]);
      const alert = page.locator('open-model-panel').getByRole('alert');
      await expect(alert).toHaveText(L.t.refused(L.t.problem.zipTruncated(`bad-${L.locale}.keras`)));
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await misplacedControls(page)).toEqual([]);
    });
  });
}

/** Runs tests/e2e/helpers/keras_files.py (h5py): a file in Keras' own layout and its flat weights. */
function kerasLayoutFile(
  kind: 'keras3' | 'keras2',
  name: string,
  extra: string[] = [],
): { path: string; flat: Uint8Array } {
  const path = join(dir, name),
    flat = join(dir, `${name}.bin`);
  const config =
    kind === 'keras3' ? 'tests/data/keras-json/lstm_keras3.json' : 'tests/data/keras-json/lstm_keras2.json';
  execFileSync('/usr/bin/python3', ['tests/e2e/helpers/keras_files.py', kind, path, config, flat, ...extra]);
  return { path, flat: new Uint8Array(readFileSync(flat)) };
}

test("files in Keras' own layouts open (Keras 3 .keras with optimizer state, tf.keras 2 .h5): the weights land in Keras' order", async ({
  page,
}) => {
  await open(page);
  for (const [kind, name] of [
    ['keras3', 'best-lstm-model.keras'],
    ['keras2', 'best-lstm-model.h5'],
  ] as const) {
    const file = kerasLayoutFile(kind, name, kind === 'keras3' ? ['--optimizer'] : []);
    await openFiles(page, [file.path]);
    await expectOpened(page, name);
    // The model the page now holds, written out as TF.js: weights.bin is the engine's flat order,
    // which must be Keras' order of the datasets h5py wrote.
    const weights = unzipSync((await download(page, 'Download TF.js model')).bytes)['weights.bin'];
    expect(Buffer.from(weights).equals(Buffer.from(file.flat)), name).toBe(true);
    const p = await classifyProbability(page);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  }
});

test('HDF5 files without the expected datasets, with wrong shapes or dtypes are refused, naming the dataset', async ({
  page,
}) => {
  await open(page);
  const cases = [
    {
      name: 'missing.keras',
      extra: ['--drop', 'layers/lstm/cell/vars/1'],
      says: /layers\/lstm\/cell\/vars\/1/,
    },
    {
      name: 'shape.keras',
      extra: ['--shape', 'layers/dense/vars/0'],
      says: /layers\/dense\/vars\/0.*(9, 1|\[9, 1\])/,
    },
    {
      name: 'float64.keras',
      extra: ['--float64', 'layers/embedding/vars/0'],
      says: /layers\/embedding\/vars\/0.*float64/,
    },
  ];
  for (const c of cases) {
    await openFiles(page, [kerasLayoutFile('keras3', c.name, c.extra).path]);
    const alert = page.locator('open-model-panel').getByRole('alert');
    await expect(alert, c.name).toHaveText(/^This file cannot be opened: /);
    await expect(alert, c.name).toContainText(c.says);
  }
});
