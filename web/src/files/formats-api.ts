// What the engine worker hands the page for a .keras download: the formats module's kerasSave
// value (docs/formats.md) with the worker's copy of the flat weights its datasets slice.
import type { KerasDataset } from '../engine/protocol';

export interface KerasArchive {
  metadata_json: string;
  config_json: string;
  /** Every HDF5 group, parents first, in Keras' creation order. */
  groups: string[];
  datasets: KerasDataset[];
  weights: Float32Array<ArrayBuffer>;
}
