// `Open a model`: the files a user picked become a model the engine takes (its JSON) and its
// weights (float32, the engine's flat order). Accepted: a Keras 3 .keras file (ours or Keras'),
// a tf.keras 2 .h5 model file, a TF.js model.json with its weights file(s), or our TF.js zip.
// Every step checks before the next one trusts: the size (before reading a byte), the zip's
// directory and CRCs (zip-read.ts), the HDF5 superblock (before h5wasm sees the bytes), the
// listing against the model (the formats module, through the engine worker), and every weight
// (float32, the right count, finite). Any refusal is a FileProblem or the formats module's coded
// message; nothing here touches saved runs or the model the page holds.
import { FileProblem, MAX_UPLOAD_BYTES } from './file-problem';
import type { H5Walk } from './h5-core';
import { checkSuperblock } from './hdf5-superblock';
import { readZip } from './zip-read';
import type { FileNote, KerasDataset, RequestMap } from '../engine/protocol';

export const KERAS_MEMBERS = ['metadata.json', 'config.json', 'model.weights.h5'] as const;

export type ModelFileFormat = 'keras' | 'h5' | 'tfjs';

export interface OpenedModel {
  /** The file's name as picked (the model.json's for TF.js). */
  fileName: string;
  format: ModelFileFormat;
  /** A Keras model JSON the engine and the editor take. */
  modelJson: string;
  weights: Float32Array<ArrayBuffer>;
  /** The formats module's notes (optimizer state left behind, ...), as coded engine messages. */
  notes: FileNote[];
}

/** What opening needs from the rest of the page: the engine worker's formats calls and HDF5. */
export interface OpenDeps {
  describe(
    file: RequestMap['describeModelFile']['params'],
  ): Promise<RequestMap['describeModelFile']['result']>;
  walkH5(bytes: Uint8Array): Promise<H5Walk>;
  openTfjs(file: RequestMap['openTfjsFile']['params']): Promise<RequestMap['openTfjsFile']['result']>;
}

/** A picked file as opening reads it (the DOM's File has these; tests pass their own). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const extension = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

function parseJson(text: string, member: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FileProblem('badJson', member, e instanceof Error ? e.message : String(e));
  }
}

/**
 * The datasets the model needs, read from a walked HDF5 file into one flat array: each must be
 * listed, float32, of exactly the shape the model needs, and every value must be finite.
 */
export function gatherWeights(walk: H5Walk, needed: KerasDataset[]): Float32Array<ArrayBuffer> {
  const total = needed.reduce((n, d) => Math.max(n, d.offset + d.shape.reduce((a, b) => a * b, 1)), 0);
  const out = new Float32Array(total);
  for (const d of needed) {
    const listed = walk.listing.datasets.find((l) => l.path === d.path);
    if (!listed) throw new FileProblem('h5Missing', d.path);
    if (listed.dtype !== 'float32') throw new FileProblem('h5Dtype', d.path, listed.dtype);
    const values = walk.values[d.path];
    const count = d.shape.reduce((a, b) => a * b, 1);
    const sameShape =
      listed.shape.length === d.shape.length && listed.shape.every((n, i) => n === d.shape[i]);
    if (!values || !sameShape || values.length !== count) {
      throw new FileProblem('h5Shape', d.path, `[${listed.shape.join(', ')}]`, `[${d.shape.join(', ')}]`);
    }
    checkFinite(values, d.path);
    out.set(values, d.offset);
  }
  return out;
}

export function checkFinite(values: Float32Array, path: string): void {
  for (let i = 0; i < values.length; i++)
    if (!Number.isFinite(values[i])) throw new FileProblem('nonFinite', path, i);
}

async function openKeras(file: PickedFile, deps: OpenDeps): Promise<OpenedModel> {
  const members = readZip(new Uint8Array(await file.arrayBuffer()), file.name, KERAS_MEMBERS);
  const text = (m: string) => new TextDecoder().decode(members.get(m));
  parseJson(text('metadata.json'), 'metadata.json');
  const configJson = text('config.json');
  parseJson(configJson, 'config.json');
  const h5 = members.get('model.weights.h5')!;
  checkSuperblock(h5, 'model.weights.h5');
  const walk = await deps.walkH5(h5);
  const described = await deps.describe({
    format: 'keras',
    configJson,
    listingJson: JSON.stringify(walk.listing),
  });
  return {
    fileName: file.name,
    format: 'keras',
    modelJson: described.model_json,
    weights: gatherWeights(walk, described.weights),
    notes: described.notes,
  };
}

async function openH5(file: PickedFile, deps: OpenDeps): Promise<OpenedModel> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  checkSuperblock(bytes, file.name);
  const walk = await deps.walkH5(bytes);
  const described = await deps.describe({ format: 'h5', listingJson: JSON.stringify(walk.listing) });
  return {
    fileName: file.name,
    format: 'h5',
    modelJson: described.model_json,
    weights: gatherWeights(walk, described.weights),
    notes: described.notes,
  };
}

interface TfjsManifestGroup {
  paths?: unknown;
  weights?: unknown;
}

/**
 * TF.js' layers format keeps the weights in the files its manifest names, group after group, in
 * order (tfjs-converter splits them into shards). This joins them into one file and rewrites the
 * manifest to name only it, which is what the formats module's TF.js loader reads; it checks
 * everything else (shapes, dtypes and sizes against the model, non-finite values).
 */
export function tfjsSingleFile(
  modelJsonText: string,
  binFiles: Map<string, Uint8Array>,
  fileName = 'model.json',
): { modelJson: string; bin: Uint8Array } {
  const doc = parseJson(modelJsonText, fileName) as {
    modelTopology?: unknown;
    weightsManifest?: TfjsManifestGroup[];
  } | null;
  if (!doc || typeof doc.modelTopology !== 'object' || !Array.isArray(doc.weightsManifest)) {
    throw new FileProblem(
      'badJson',
      fileName,
      'no modelTopology and weightsManifest: not a TF.js layers model',
    );
  }
  const chunks: Uint8Array[] = [];
  const weights: unknown[] = [];
  for (const group of doc.weightsManifest) {
    if (Array.isArray(group?.weights)) weights.push(...(group.weights as unknown[]));
    for (const p of Array.isArray(group?.paths) ? group.paths : []) {
      const name = String(p).split('/').pop() ?? '';
      const bytes = binFiles.get(name);
      if (!bytes) throw new FileProblem('missingMember', name, [...binFiles.keys()].join(', ') || '—');
      chunks.push(bytes);
    }
  }
  const bin = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bin.set(c, at);
    at += c.length;
  }
  // Said here too (the loader's own words are English only): a NaN is named in the page's language.
  if (bin.length % 4 === 0) checkFinite(new Float32Array(bin.buffer), 'weights.bin');
  const modelJson = JSON.stringify({ ...doc, weightsManifest: [{ paths: ['weights.bin'], weights }] });
  return { modelJson, bin };
}

async function openTfjs(json: PickedFile, bins: PickedFile[], deps: OpenDeps): Promise<OpenedModel> {
  const binFiles = new Map<string, Uint8Array>();
  for (const b of bins) binFiles.set(b.name, new Uint8Array(await b.arrayBuffer()));
  if (binFiles.size === 0) throw new FileProblem('tfjsNoWeights');
  return fromTfjs(json.name, new TextDecoder().decode(await json.arrayBuffer()), binFiles, deps);
}

async function fromTfjs(
  fileName: string,
  modelJsonText: string,
  binFiles: Map<string, Uint8Array>,
  deps: OpenDeps,
): Promise<OpenedModel> {
  const { modelJson, bin } = tfjsSingleFile(modelJsonText, binFiles, fileName);
  const opened = await deps.openTfjs({ modelJson, weightsBin: bin });
  return {
    fileName,
    format: 'tfjs',
    modelJson: opened.model_json,
    weights: opened.weights,
    notes: opened.notes,
  };
}

/** Our `Download TF.js model` zip, opened whole: model.json and weights.bin. */
async function openTfjsZip(file: PickedFile, deps: OpenDeps): Promise<OpenedModel> {
  const members = readZip(new Uint8Array(await file.arrayBuffer()), file.name, ['model.json', 'weights.bin']);
  return fromTfjs(
    file.name,
    new TextDecoder().decode(members.get('model.json')),
    new Map([['weights.bin', members.get('weights.bin')!]]),
    deps,
  );
}

/** Opens the picked files by their kind; throws FileProblem (or the formats module's EngineError). */
export async function openModelFiles(files: PickedFile[], deps: OpenDeps): Promise<OpenedModel> {
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_UPLOAD_BYTES) throw new FileProblem('tooLarge', total, MAX_UPLOAD_BYTES);
  const empty = files.find((f) => f.size === 0);
  if (empty) throw new FileProblem('empty', empty.name);
  const jsons = files.filter((f) => extension(f.name) === 'json');
  const bins = files.filter((f) => extension(f.name) === 'bin');
  if (files.length === 1) {
    const [f] = files;
    switch (extension(f.name)) {
      case 'keras':
        return openKeras(f, deps);
      case 'h5':
      case 'hdf5':
        return openH5(f, deps);
      case 'zip':
        return openTfjsZip(f, deps);
      case 'json':
        throw new FileProblem('tfjsNoWeights');
      default:
        throw new FileProblem('unknownType', f.name);
    }
  }
  if (jsons.length === 1 && bins.length === files.length - 1) return openTfjs(jsons[0], bins, deps);
  throw new FileProblem('mixedSelection', files.map((f) => f.name).join(', '));
}
