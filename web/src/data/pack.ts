// Data packs in TypeScript (format: docs/pack-format.md). writePack writes them: the build's IMDB
// packs (scripts/build-data.ts) and, in the worker, `Long memory` (data/long-memory.ts). The
// engine's C++ reader (cpp/engine/pack.cpp) is what checks a pack and turns it into training data,
// in the CLI and in the worker; the page itself reads no pack with this module (the worker's
// accuracy by length reads only the test lengths: data/length-buckets.ts). readPackInfo and
// readPack apply the C++ reader's checks in TypeScript, for the tests and the benchmark's set-up.
import { crc32 } from '../files/crc32';

export { crc32 };

export const PACK_MAGIC = new Uint8Array([0x52, 0x4e, 0x4e, 0x50, 0x41, 0x43, 0x4b, 0x00]); // "RNNPACK\0"
export const PACK_VERSION = 1;
export const PACK_HEADER_BYTES = 40;
export const PACK_CHECKSUM_BYTES = 4;
export const PACK_MAX_VOCAB = 65536;
export const PACK_MAX_STORED_LENGTH = 65535;
export const PACK_MAX_CLASSES = 256;

export interface PackSplit {
  /** Token ids of each review, at most storedLength of them, each below vocabSize. */
  sequences: readonly (readonly number[] | Uint16Array)[];
  labels: readonly number[];
}

export interface PackContents {
  vocabSize: number;
  storedLength: number;
  numClasses: number;
  train: PackSplit;
  validation: PackSplit;
  test: PackSplit;
}

export interface PackInfo {
  version: number;
  vocabSize: number;
  storedLength: number;
  numClasses: number;
  trainCount: number;
  validationCount: number;
  testCount: number;
  tokenCount: number;
}

export class PackError extends Error {
  constructor(message: string) {
    super(`data pack: ${message}`);
    this.name = 'PackError';
  }
}

/**
 * What a pack stores of one full encoded review: its last storedLength ids, with every id >=
 * vocabSize replaced by 2 (out of vocabulary).
 */
export function toStoredSequence(ids: readonly number[], storedLength: number, vocabSize: number): number[] {
  return ids.slice(Math.max(0, ids.length - storedLength)).map((id) => (id >= vocabSize ? 2 : id));
}

function checkRange(what: string, value: number, lo: number, hi: number): void {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new PackError(`${what} ${value} is outside [${lo}, ${hi}]`);
  }
}

export function writePack(contents: PackContents): Uint8Array {
  const { vocabSize, storedLength, numClasses } = contents;
  checkRange('vocab_size', vocabSize, 3, PACK_MAX_VOCAB);
  checkRange('stored_length', storedLength, 1, PACK_MAX_STORED_LENGTH);
  checkRange('num_classes', numClasses, 2, PACK_MAX_CLASSES);
  const splits: [string, PackSplit][] = [
    ['train', contents.train],
    ['validation', contents.validation],
    ['test', contents.test],
  ];
  let reviews = 0;
  let tokens = 0;
  for (const [name, split] of splits) {
    if (split.sequences.length !== split.labels.length) {
      throw new PackError(
        `the ${name} split has ${split.sequences.length} sequences but ${split.labels.length} labels`,
      );
    }
    split.sequences.forEach((seq, i) => {
      if (seq.length > storedLength) {
        throw new PackError(
          `${name} sequence ${i} has ${seq.length} tokens, more than stored_length ${storedLength}`,
        );
      }
      for (const id of seq) {
        if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
          throw new PackError(`${name} sequence ${i} holds id ${id}, outside [0, ${vocabSize})`);
        }
      }
      const label = split.labels[i];
      if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
        throw new PackError(`${name} label ${i} is ${label}, outside [0, ${numClasses})`);
      }
      tokens += seq.length;
    });
    reviews += split.labels.length;
  }
  if (tokens > 0xffffffff) throw new PackError(`${tokens} tokens do not fit one pack`);

  const size = PACK_HEADER_BYTES + reviews + 2 * reviews + 2 * tokens + PACK_CHECKSUM_BYTES;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(PACK_MAGIC, 0);
  view.setUint32(8, PACK_VERSION, true);
  view.setUint32(12, vocabSize, true);
  view.setUint32(16, storedLength, true);
  view.setUint32(20, numClasses, true);
  view.setUint32(24, contents.train.labels.length, true);
  view.setUint32(28, contents.validation.labels.length, true);
  view.setUint32(32, contents.test.labels.length, true);
  view.setUint32(36, tokens, true);
  let labelAt = PACK_HEADER_BYTES;
  let lengthAt = labelAt + reviews;
  let tokenAt = lengthAt + 2 * reviews;
  for (const [, split] of splits) {
    split.sequences.forEach((seq, i) => {
      bytes[labelAt++] = split.labels[i];
      view.setUint16(lengthAt, seq.length, true);
      lengthAt += 2;
      for (const id of seq) {
        view.setUint16(tokenAt, id, true);
        tokenAt += 2;
      }
    });
  }
  view.setUint32(size - PACK_CHECKSUM_BYTES, crc32(bytes.subarray(0, size - PACK_CHECKSUM_BYTES)), true);
  return bytes;
}

/** The header, checked against the byte size and the checksum (the C++ reader's rules). */
export function readPackInfo(bytes: Uint8Array): PackInfo {
  if (bytes.length === 0) throw new PackError('empty: 0 bytes');
  const magicSeen = Math.min(bytes.length, PACK_MAGIC.length);
  for (let i = 0; i < magicSeen; i++) {
    if (bytes[i] !== PACK_MAGIC[i])
      throw new PackError('these bytes are not a data pack (no "RNNPACK" magic)');
  }
  if (bytes.length < PACK_HEADER_BYTES + PACK_CHECKSUM_BYTES) {
    throw new PackError(`truncated: ${bytes.length} bytes, less than the header and checksum`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const version = u32(8);
  if (version === 0 || version > PACK_VERSION) {
    throw new PackError(`version ${version} is not supported: this reader reads version ${PACK_VERSION}`);
  }
  const info: PackInfo = {
    version,
    vocabSize: u32(12),
    storedLength: u32(16),
    numClasses: u32(20),
    trainCount: u32(24),
    validationCount: u32(28),
    testCount: u32(32),
    tokenCount: u32(36),
  };
  checkRange('vocab_size', info.vocabSize, 3, PACK_MAX_VOCAB);
  checkRange('stored_length', info.storedLength, 1, PACK_MAX_STORED_LENGTH);
  checkRange('num_classes', info.numClasses, 2, PACK_MAX_CLASSES);
  const reviews = info.trainCount + info.validationCount + info.testCount;
  if (info.tokenCount > reviews * info.storedLength) {
    throw new PackError(`corrupt header: ${info.tokenCount} tokens cannot fit in ${reviews} reviews`);
  }
  const expected = PACK_HEADER_BYTES + 3 * reviews + 2 * info.tokenCount + PACK_CHECKSUM_BYTES;
  if (bytes.length < expected) {
    throw new PackError(
      `truncated: the header announces ${expected} bytes but only ${bytes.length} are present`,
    );
  }
  if (bytes.length > expected) {
    throw new PackError(
      `corrupt: ${bytes.length - expected} unexpected bytes after the ${expected} announced`,
    );
  }
  const payload = bytes.length - PACK_CHECKSUM_BYTES;
  if (u32(payload) !== crc32(bytes.subarray(0, payload))) {
    throw new PackError('corrupt: the checksum does not match');
  }
  return info;
}

/** Every stored review of a pack, as written (no num_words / maxlen applied). */
export function readPack(bytes: Uint8Array): PackContents {
  const info = readPackInfo(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let labelAt = PACK_HEADER_BYTES;
  const reviews = info.trainCount + info.validationCount + info.testCount;
  let lengthAt = labelAt + reviews;
  let tokenAt = lengthAt + 2 * reviews;
  const tokensEnd = tokenAt + 2 * info.tokenCount;
  const readSplit = (name: string, count: number): PackSplit => {
    const sequences: Uint16Array[] = [];
    const labels: number[] = [];
    for (let i = 0; i < count; i++) {
      const label = bytes[labelAt++];
      const length = view.getUint16(lengthAt, true);
      lengthAt += 2;
      if (label >= info.numClasses) throw new PackError(`corrupt: ${name} review ${i} has label ${label}`);
      if (length > info.storedLength || tokenAt + 2 * length > tokensEnd) {
        throw new PackError(`corrupt: ${name} review ${i} has length ${length}, which does not fit the pack`);
      }
      const seq = new Uint16Array(length);
      for (let t = 0; t < length; t++, tokenAt += 2) {
        seq[t] = view.getUint16(tokenAt, true);
        if (seq[t] >= info.vocabSize) throw new PackError(`corrupt: ${name} review ${i} holds id ${seq[t]}`);
      }
      sequences.push(seq);
      labels.push(label);
    }
    return { sequences, labels };
  };
  const contents: PackContents = {
    vocabSize: info.vocabSize,
    storedLength: info.storedLength,
    numClasses: info.numClasses,
    train: readSplit('train', info.trainCount),
    validation: readSplit('validation', info.validationCount),
    test: readSplit('test', info.testCount),
  };
  if (tokenAt !== tokensEnd)
    throw new PackError('corrupt: the review lengths do not add up to the token count');
  return contents;
}
