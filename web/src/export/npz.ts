// NumPy's .npz (what np.savez writes): a zip holding one .npy file per array, stored. A .npy file
// (format version 1.0) is the magic "\x93NUMPY", the version bytes 1 0, a little-endian uint16
// header length, then an ASCII dict literal
//   {'descr': '<i4', 'fortran_order': False, 'shape': (20000, 100), }
// padded with spaces and ended by '\n' so that the data starts at a multiple of 64 bytes, then the
// array's bytes in C order.
import { zipSync } from 'fflate';

export type NpyArray = { data: Int32Array; shape: number[] } | { data: Uint8Array; shape: number[] };

export function npy(array: NpyArray): Uint8Array {
  const descr = array.data instanceof Int32Array ? '<i4' : '|u1';
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  const count = array.shape.reduce((a, b) => a * b, 1);
  if (count !== array.data.length)
    throw new Error(`npy: shape ${shape} does not hold ${array.data.length} values.`);
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const bytes = new Uint8Array(10 + header.length + array.data.byteLength);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  for (let i = 0; i < header.length; i++) bytes[10 + i] = header.charCodeAt(i);
  // Int32Array is in the platform's byte order: little-endian on every browser platform.
  bytes.set(
    new Uint8Array(array.data.buffer, array.data.byteOffset, array.data.byteLength),
    10 + header.length,
  );
  return bytes;
}

/** The .npz file of these arrays, in this order (np.load reads each by name). */
export function npz(arrays: Record<string, NpyArray>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, a] of Object.entries(arrays)) files[`${name}.npy`] = npy(a);
  return zipSync(files, { level: 0 });
}
