// The HDF5 superblock, checked before the bytes go to the HDF5 library (h5wasm): the signature,
// a superblock version the library reads (0-3), sane sizes of offsets and lengths, and an
// end-of-file address the file actually reaches (a truncated download declares more than it has).
// Layout (HDF5 File Format Specification, "Superblock"):
//   8 bytes signature \x89 H D F \r \n \x1a \n, at byte 0 or after a user block of 512·2^k bytes;
//   version 0/1: 1 version, 1 free-space, 1 root group, 1 reserved, 1 shared header, 1 size of
//     offsets (O), 1 size of lengths (L), 1 reserved, 2 leaf K, 2 internal K, 4 flags,
//     [version 1: 2 indexed storage K, 2 reserved], then 4 addresses of O bytes:
//     base, free-space info, END OF FILE, driver info.
//   (The end-of-file address is the whole file's length, user block included, as HDF5 1.10 and
//   h5wasm's HDF5 2.0 write it.)
//   version 2/3: 1 version, 1 O, 1 L, 1 flags, then base, extension, END OF FILE, root object
//     header (O bytes each), 4 checksum.
import { FileProblem } from './file-problem';

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

export interface Superblock {
  /** Where the signature is (0, or the user block's size). */
  at: number;
  version: number;
  sizeOfOffsets: number;
  sizeOfLengths: number;
  /** End-of-file address: the length the file must have. */
  endOfFile: number;
}

function hasSignature(bytes: Uint8Array, at: number): boolean {
  return at + 8 <= bytes.length && SIGNATURE.every((b, i) => bytes[at + i] === b);
}

/** An address of `size` bytes, little-endian; all bits set means "undefined" (returns -1). */
function address(view: DataView, at: number, size: number): number {
  let value = 0,
    undefinedAddress = true;
  for (let i = size - 1; i >= 0; i--) {
    const b = view.getUint8(at + i);
    if (b !== 0xff) undefinedAddress = false;
    value = value * 256 + b;
  }
  return undefinedAddress ? -1 : value;
}

/** The superblock of an HDF5 file, every field checked; throws FileProblem naming what is wrong. */
export function checkSuperblock(bytes: Uint8Array, fileName: string): Superblock {
  let at = 0;
  while (!hasSignature(bytes, at)) {
    at = at === 0 ? 512 : at * 2;
    if (at + 8 > bytes.length) throw new FileProblem('h5NotHdf5', fileName);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (end: number) => {
    if (end > bytes.length) throw new FileProblem('h5Truncated', end, bytes.length);
  };
  need(at + 9);
  const version = bytes[at + 8];
  let sizeOfOffsets: number, sizeOfLengths: number, addresses: number;
  if (version === 0 || version === 1) {
    need(at + 24);
    sizeOfOffsets = bytes[at + 13];
    sizeOfLengths = bytes[at + 14];
    addresses = at + (version === 0 ? 24 : 28);
  } else if (version === 2 || version === 3) {
    need(at + 12);
    sizeOfOffsets = bytes[at + 9];
    sizeOfLengths = bytes[at + 10];
    addresses = at + 12;
  } else {
    throw new FileProblem('h5Version', version);
  }
  if (![2, 4, 8].includes(sizeOfOffsets) || ![2, 4, 8].includes(sizeOfLengths)) {
    throw new FileProblem('h5Unreadable', `sizes of offsets/lengths ${sizeOfOffsets}/${sizeOfLengths}`);
  }
  need(addresses + 4 * sizeOfOffsets);
  const base = address(view, addresses, sizeOfOffsets);
  const endOfFile = address(view, addresses + 2 * sizeOfOffsets, sizeOfOffsets);
  if (base < 0 || endOfFile < 0)
    throw new FileProblem('h5Unreadable', 'undefined base or end-of-file address');
  // HDF5 writes the end-of-file address as the file's whole length (h5py with a user block too).
  if (endOfFile > bytes.length) throw new FileProblem('h5Truncated', endOfFile, bytes.length);
  return { at, version, sizeOfOffsets, sizeOfLengths, endOfFile };
}
