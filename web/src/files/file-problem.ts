// Why a model file was refused, as a code and its parameters: the page says it in the current
// language (i18n/{en,ko}/files.ts, `problem`), so a message shown in Korean follows a switch to
// English. Thrown by the zip and HDF5 checks and by the readers of each format.

/** Each code is a key of `ui.files.problem` with these parameters. */
export interface ProblemParams {
  tooLarge: [bytes: number, limit: number];
  empty: [name: string];
  unknownType: [name: string];
  mixedSelection: [names: string];
  zipNotZip: [name: string];
  zipTruncated: [name: string];
  zipCorrupt: [name: string, detail: string];
  zipUnsafeName: [entry: string];
  zipBomb: [entry: string, declared: number, fileBytes: number];
  zipMethod: [entry: string, method: number];
  zipEncrypted: [entry: string];
  zipChecksum: [entry: string];
  missingMember: [member: string, expected: string];
  extraMember: [member: string, expected: string];
  h5NotHdf5: [name: string];
  h5Version: [version: number];
  h5Truncated: [declared: number, actual: number];
  h5Unreadable: [detail: string];
  h5Dtype: [path: string, dtype: string];
  h5Missing: [path: string];
  h5Shape: [path: string, got: string, expected: string];
  nonFinite: [path: string, index: number];
  badJson: [member: string, detail: string];
  tfjsNoWeights: [];
  refusedModel: [detail: string];
}
export type ProblemCode = keyof ProblemParams;

export class FileProblem<C extends ProblemCode = ProblemCode> extends Error {
  constructor(
    readonly problem: C,
    ...params: ProblemParams[C]
  ) {
    super(`${problem}: ${params.join(', ')}`);
    this.name = 'FileProblem';
    this.params = params;
  }
  readonly params: ProblemParams[C];
}

/**
 * Largest upload taken: the curriculum's biggest model (Reuters GRU, 3.1 M parameters = 12 MB of
 * float32) with an Adam state (two more copies) fits three times over. Refused by File.size, before
 * a byte is read.
 */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
