// HDF5 through h5wasm, without a DOM: write a weights file (float32 datasets at slash paths) and
// walk one (every dataset's path, shape and dtype, every group's attributes, the float32 values).
// The h5 worker (h5.worker.ts) runs these on h5wasm's in-memory file system; Vitest runs them on
// h5wasm's Node build. The caller has checked the superblock (hdf5-superblock.ts) first.
import type { Dataset, Group, File as H5File, JSONCompatibleOutputData, Metadata } from 'h5wasm';
import { FileProblem } from './file-problem';

/** The parts of h5wasm these functions use (its module object, in a worker or in Node). */
export interface H5Api {
  File: new (filename: string, mode?: 'r' | 'w') => H5File;
  FS: {
    readFile(path: string): Uint8Array;
    writeFile(path: string, data: Uint8Array): void;
    unlink(path: string): void;
  };
}

export interface H5DatasetIn {
  /** Slash path from the root, e.g. layers/lstm/cell/vars/0. */
  path: string;
  shape: number[];
  data: Float32Array;
}

/** What a reader of model files needs from an HDF5 file (the formats module's h5ListingJson). */
export interface H5Listing {
  datasets: { path: string; shape: number[]; dtype: string }[];
  /** Attributes of every group (and the root "/"), JSON-compatible, by the group's absolute path. */
  attrs: Record<string, Record<string, JSONCompatibleOutputData | null>>;
}

export interface H5Walk {
  listing: H5Listing;
  /** The float32 datasets' values by path (paths as in the listing, no leading slash). */
  values: Record<string, Float32Array>;
}

/** Deeper than any Keras file; bounds a walk through a file whose links loop. */
const MAX_DEPTH = 12;
const MAX_OBJECTS = 20_000;
/** Values read in all (float32 numbers): 4 times the largest upload. */
const MAX_VALUES = 64 * 1024 * 1024;

/** numpy's name of an HDF5 numeric type (h5wasm metadata: type 0 integer, 1 float). */
export function dtypeName(m: Metadata): string {
  const bits = m.size * 8;
  if (m.type === 1) return `float${bits}`;
  if (m.type === 0) return `${m.signed ? 'int' : 'uint'}${bits}`;
  return `other(class ${m.type}, ${m.size} bytes)`;
}

/** Writes float32 datasets (groups made on the way) to a new HDF5 file and returns its bytes. */
export function writeH5(
  api: H5Api,
  scratch: string,
  datasets: H5DatasetIn[],
  groups: string[] = [],
): Uint8Array {
  const file = new api.File(scratch, 'w');
  try {
    const made = new Map<string, Group>([['', file]]);
    const group = (path: string): Group => {
      const known = made.get(path);
      if (known) return known;
      const cut = path.lastIndexOf('/');
      const g = group(cut < 0 ? '' : path.slice(0, cut)).create_group(path.slice(cut + 1));
      made.set(path, g);
      return g;
    };
    for (const g of groups) group(g);
    for (const d of datasets) {
      const count = d.shape.reduce((a, b) => a * b, 1);
      if (count !== d.data.length)
        throw new Error(`${d.path}: ${d.data.length} values for shape [${d.shape.join(', ')}]`);
      const cut = d.path.lastIndexOf('/');
      group(cut < 0 ? '' : d.path.slice(0, cut)).create_dataset({
        name: d.path.slice(cut + 1),
        data: d.data,
        shape: d.shape,
        dtype: '<f',
      });
    }
  } finally {
    file.close();
  }
  const bytes = api.FS.readFile(scratch);
  api.FS.unlink(scratch);
  return bytes;
}

/** Walks a whole HDF5 file given as bytes; throws FileProblem when the library cannot read it. */
export function walkH5(api: H5Api, scratch: string, bytes: Uint8Array): H5Walk {
  api.FS.writeFile(scratch, bytes);
  let file: H5File;
  try {
    file = new api.File(scratch, 'r');
  } catch (e) {
    api.FS.unlink(scratch);
    throw new FileProblem('h5Unreadable', e instanceof Error ? e.message : String(e));
  }
  const listing: H5Listing = { datasets: [], attrs: {} };
  const values: Record<string, Float32Array> = {};
  let objects = 0,
    read = 0;
  const attrsOf = (g: Group): Record<string, JSONCompatibleOutputData | null> => {
    const out: Record<string, JSONCompatibleOutputData | null> = {};
    for (const [name, a] of Object.entries(g.attrs)) out[name] = a.json_value;
    return out;
  };
  const visit = (g: Group, path: string, depth: number) => {
    listing.attrs[path === '' ? '/' : `/${path}`] = attrsOf(g);
    if (depth > MAX_DEPTH) throw new FileProblem('h5Unreadable', `groups nested deeper than ${MAX_DEPTH}`);
    for (const key of g.keys()) {
      if (++objects > MAX_OBJECTS) throw new FileProblem('h5Unreadable', `more than ${MAX_OBJECTS} objects`);
      const child = g.get(key) as { type?: string } | null;
      const childPath = path === '' ? key : `${path}/${key}`;
      if (child?.type === 'Group') visit(child as Group, childPath, depth + 1);
      else if (child?.type === 'Dataset') {
        const ds = child as Dataset;
        const m = ds.metadata;
        const dtype = dtypeName(m);
        const shape = ds.shape ?? [];
        listing.datasets.push({ path: childPath, shape, dtype });
        if (dtype === 'float32') {
          read += m.total_size;
          if (read > MAX_VALUES) throw new FileProblem('h5Unreadable', `more than ${MAX_VALUES} numbers`);
          const v = ds.value;
          if (v instanceof Float32Array) values[childPath] = v;
        }
      }
      // Links to other files and broken links hold no weights: skipped.
    }
  };
  try {
    visit(file, '', 0);
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem('h5Unreadable', e instanceof Error ? e.message : String(e));
  } finally {
    file.close();
    api.FS.unlink(scratch);
  }
  return { listing, values };
}
