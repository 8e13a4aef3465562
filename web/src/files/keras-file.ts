// `Download .keras`: the archive Keras 3's keras.saving.load_model opens. The formats module says
// what goes in (kerasSave: metadata.json, config.json, the HDF5 groups and float32 datasets, each
// a slice of the flat weights); h5wasm writes model.weights.h5 in its worker; fflate zips the three
// members stored (not compressed), in Keras' order: metadata.json, config.json, model.weights.h5.
import { zipSync } from 'fflate';
import type { H5DatasetIn } from './h5-core';
import type { KerasArchive } from './formats-api';
import { KERAS_MEMBERS } from './open-model';

/** The datasets of an archive with their values cut from the flat weights. */
export function archiveDatasets(archive: KerasArchive): H5DatasetIn[] {
  return archive.datasets.map((d) => {
    const count = d.shape.reduce((a, b) => a * b, 1);
    if (d.offset < 0 || d.offset + count > archive.weights.length) {
      throw new Error(
        `${d.path}: values ${d.offset}..${d.offset + count} lie outside the ${archive.weights.length} weights`,
      );
    }
    return { path: d.path, shape: d.shape, data: archive.weights.slice(d.offset, d.offset + count) };
  });
}

/** The .keras zip from its JSON members and the HDF5 file's bytes. */
export function kerasZip(
  archive: Pick<KerasArchive, 'metadata_json' | 'config_json'>,
  weightsH5: Uint8Array,
): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  const [metadata, config, weights] = KERAS_MEMBERS;
  return zipSync(
    { [metadata]: text(archive.metadata_json), [config]: text(archive.config_json), [weights]: weightsH5 },
    { level: 0 },
  );
}

/** `<model name>.keras`, the name taken from config.json (letters, digits, _ and - kept). */
export function kerasFileName(configJson: string): string {
  let name = 'model';
  try {
    const n = (JSON.parse(configJson) as { config?: { name?: unknown } }).config?.name;
    if (typeof n === 'string' && n.trim()) name = n.trim();
  } catch {
    /* keep 'model' */
  }
  return `${name.replace(/[^A-Za-z0-9_-]+/g, '_')}.keras`;
}

/** Writes the whole .keras file: HDF5 through `writeH5` (the HDF5 worker), then the zip. */
export async function kerasFile(
  archive: KerasArchive,
  writeH5: (d: H5DatasetIn[], groups: string[]) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  return kerasZip(archive, await writeH5(archiveDatasets(archive), archive.groups));
}
