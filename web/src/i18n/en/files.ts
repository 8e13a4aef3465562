// Model files: `Download .keras` and `Open a model`, and why a file was refused (English).
// `problem` has one entry per FileProblem code (web/src/files/file-problem.ts), same parameters.
import { groupThousands as n } from '../format';

const mb = (bytes: number) => `${n(Math.round(bytes / (1024 * 1024)))} MB`;

export const files = {
  downloadKeras: 'Download .keras',
  openHeading: 'Back from a Keras notebook',
  openLabel: 'Open a model',
  openHelp:
    "A .keras file (this site's, or one Keras 3 saved, with or without its optimizer state), a tf.keras 2 .h5 " +
    'model file, or a TF.js model.json together with its weights.bin (pick both). The model appears on the Model tab; ' +
    'Classify uses it and Train goes on from its weights.',
  opening: (name: string) => `Reading ${name}…`,
  opened: (name: string, params: number) =>
    `Opened ${name}: ${n(params)} weights. The Model tab shows it, Classify uses it, and Train can go on from its weights (the optimizer starts afresh).`,
  openedNotes: (notes: string) => `From the file: ${notes}`,
  classifyLabel: (name: string) => `${name} (opened file)`,
  wordIdsNote:
    'This model comes from a file. A model Keras trained on its own IMDB arrays (keras.datasets.imdb) reads ' +
    "Keras' word ids, not this site's, so here it reads other words than the ones you typed and its verdicts mean little. " +
    "A model trained on this site's data (Download data) reads the same ids.",
  refused: (why: string) =>
    `This file cannot be opened: ${why} Nothing was changed: your model and saved runs are as they were.`,
  problem: {
    tooLarge: (bytes: number, limit: number) =>
      `it is ${mb(bytes)}, more than the ${mb(limit)} a model file may have here.`,
    empty: (name: string) => `${name} is empty.`,
    unknownType: (name: string) =>
      `${name} is not a model file this page reads: pick a .keras, a .h5, or a TF.js model.json with its weights.bin.`,
    mixedSelection: (names: string) =>
      `the files picked (${names}) are not one model: pick one .keras or .h5 file, or one model.json with its .bin file.`,
    zipNotZip: (name: string) =>
      `${name} is not a zip archive (a .keras file is one): it is damaged or another kind of file.`,
    zipTruncated: (name: string) =>
      `${name} is cut short (its zip directory is missing or incomplete): download it again.`,
    zipCorrupt: (name: string, detail: string) =>
      `${name} is a damaged zip archive (${detail}): download it again.`,
    zipUnsafeName: (entry: string) =>
      `the archive holds an entry named “${entry}”, which points outside the archive: it is refused.`,
    zipBomb: (entry: string, declared: number, fileBytes: number) =>
      `the archive says its entry ${entry} unpacks to ${n(declared)} bytes, far more than the ${n(fileBytes)}-byte file can hold (a zip bomb): it is not unpacked.`,
    zipMethod: (entry: string, method: number) =>
      `the archive entry ${entry} uses compression method ${method}; only stored and deflated entries are read.`,
    zipEncrypted: (entry: string) => `the archive entry ${entry} is encrypted.`,
    zipChecksum: (entry: string) =>
      `the archive entry ${entry} does not match its checksum (CRC-32): the file is damaged. Download it again.`,
    missingMember: (member: string, expected: string) => `${member} is missing (expected: ${expected}).`,
    extraMember: (member: string, expected: string) =>
      `the archive holds ${member}, which does not belong there (expected only: ${expected}).`,
    h5NotHdf5: (name: string) => `${name} is not an HDF5 file (no HDF5 signature).`,
    h5Version: (version: number) =>
      `the HDF5 file has superblock version ${version}, which no HDF5 library writes.`,
    h5Truncated: (declared: number, actual: number) =>
      `the HDF5 file is cut short: it says it is ${n(declared)} bytes long but has ${n(actual)}. Download it again.`,
    h5Unreadable: (detail: string) => `the HDF5 file cannot be read (${detail}).`,
    h5Dtype: (path: string, dtype: string) =>
      `the weights ${path} are ${dtype}; only float32 weights are read. Save the model in float32.`,
    h5Missing: (path: string) => `the weights file has no dataset ${path}, which the model needs.`,
    h5Shape: (path: string, got: string, expected: string) =>
      `the dataset ${path} has shape ${got} but the model needs ${expected}.`,
    nonFinite: (path: string, index: number) =>
      `the weights ${path} hold a value that is not a finite number (NaN or infinity) at index ${n(index)}.`,
    badJson: (member: string, detail: string) => `${member} is not valid JSON (${detail}).`,
    tfjsNoWeights: () =>
      'a TF.js model.json needs its weights file: pick model.json and weights.bin together.',
    refusedModel: (detail: string) => `the model in it cannot be used here: ${detail}`,
  },
};
