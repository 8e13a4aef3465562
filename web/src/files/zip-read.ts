// A zip reader for files a user uploads (.keras, the TF.js zip): it trusts nothing. The central
// directory is read and checked first — every name, method and DECLARED size, against the file's
// own length — and only then is a member copied out (stored) or inflated (fflate, into a buffer of
// the declared size), and its CRC-32 compared. So a zip bomb is refused before a byte is inflated,
// a truncated or corrupt file names what is wrong, and no name with '..' reaches anything.
// Layout (PKWARE APPNOTE 4.3): local headers and data, then the central directory, then the end
// of central directory record (EOCD, 22 bytes + a comment of up to 65,535 bytes).
import { inflateSync } from 'fflate';
import { crc32 } from './crc32';
import { FileProblem } from './file-problem';

export { crc32 };

export interface ZipMember {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Where the member's data starts in the file. */
  dataOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** No model zip has more members (a .keras holds 3, the TF.js zip 2). */
const MAX_MEMBERS = 64;
/**
 * Deflate cannot expand more than ~1032:1; a member declaring more than that over its compressed
 * bytes, or more in all than this, is a bomb (or a lie) and is refused before inflating.
 */
const MAX_DEFLATE_RATIO = 1032;
const MAX_TOTAL_UNPACKED = 256 * 1024 * 1024;

/** An entry name that could leave the folder it is unpacked into, or is not a plain relative path. */
export function unsafeEntryName(name: string): boolean {
  return (
    name === '' ||
    name.includes('\0') ||
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..')
  );
}

/** The members listed in the central directory, every one checked; throws FileProblem. */
export function zipMembers(bytes: Uint8Array, fileName: string): ZipMember[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  if (n < 4 || view.getUint32(0, true) !== LOCAL_SIG) {
    // Not even a first local header: not a zip at all, or an empty one.
    if (n >= 22 && view.getUint32(0, true) === EOCD_SIG) return [];
    throw new FileProblem('zipNotZip', fileName);
  }
  // The EOCD: the last signature within the final 22 + 65,535 bytes.
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIG && i + 22 + view.getUint16(i + 20, true) <= n) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FileProblem('zipTruncated', fileName);
  const disk = view.getUint16(eocd + 4, true),
    cdDisk = view.getUint16(eocd + 6, true);
  const onDisk = view.getUint16(eocd + 8, true),
    count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true),
    cdOffset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count)
    throw new FileProblem('zipCorrupt', fileName, 'split over several disks');
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new FileProblem('zipCorrupt', fileName, 'ZIP64 is not used by model files');
  if (count > MAX_MEMBERS) throw new FileProblem('zipCorrupt', fileName, `${count} members`);
  if (cdOffset + cdSize > eocd) throw new FileProblem('zipTruncated', fileName);

  const members: ZipMember[] = [];
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cdOffset + cdSize || view.getUint32(p, true) !== CENTRAL_SIG) {
      throw new FileProblem('zipCorrupt', fileName, `central directory entry ${k + 1} is damaged`);
    }
    const flags = view.getUint16(p + 8, true),
      method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true),
      size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true),
      extraLen = view.getUint16(p + 30, true),
      commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > cdOffset + cdSize)
      throw new FileProblem('zipCorrupt', fileName, `central directory entry ${k + 1} is damaged`);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (unsafeEntryName(name)) throw new FileProblem('zipUnsafeName', name);
    if (flags & 1) throw new FileProblem('zipEncrypted', name);
    if (method !== 0 && method !== 8) throw new FileProblem('zipMethod', name, method);
    total += size;
    const bomb = method === 0 ? size !== compressedSize : size > compressedSize * MAX_DEFLATE_RATIO + 1024;
    if (bomb || total > MAX_TOTAL_UNPACKED) throw new FileProblem('zipBomb', name, size, n);
    // The local header repeats the name; the data follows it and must end before the directory.
    if (localOffset + 30 > cdOffset || view.getUint32(localOffset, true) !== LOCAL_SIG) {
      throw new FileProblem('zipCorrupt', fileName, `the local header of ${name} is missing`);
    }
    const dataOffset =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > cdOffset) throw new FileProblem('zipTruncated', fileName);
    members.push({ name, method, compressedSize, size, crc, dataOffset });
  }
  const names = new Set<string>();
  for (const m of members) {
    if (names.has(m.name)) throw new FileProblem('zipCorrupt', fileName, `${m.name} appears twice`);
    names.add(m.name);
  }
  return members;
}

/** The members exactly as expected: none missing, none more (order free); throws FileProblem. */
export function requireMembers(members: ZipMember[], expected: readonly string[]): void {
  const list = expected.join(', ');
  for (const m of members) if (!expected.includes(m.name)) throw new FileProblem('extraMember', m.name, list);
  for (const e of expected)
    if (!members.some((m) => m.name === e)) throw new FileProblem('missingMember', e, list);
}

/** One member's bytes (a copy), inflated into exactly its declared size, CRC checked. */
export function readMember(bytes: Uint8Array, member: ZipMember, fileName: string): Uint8Array {
  const raw = bytes.subarray(member.dataOffset, member.dataOffset + member.compressedSize);
  let out: Uint8Array;
  if (member.method === 0) {
    out = raw.slice();
  } else {
    try {
      out = inflateSync(raw, { out: new Uint8Array(member.size) });
    } catch (e) {
      throw new FileProblem(
        'zipCorrupt',
        fileName,
        `${member.name}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (out.length !== member.size)
      throw new FileProblem('zipCorrupt', fileName, `${member.name} is not the size its header says`);
  }
  if (crc32(out) !== member.crc) throw new FileProblem('zipChecksum', member.name);
  return out;
}

/** Every expected member's bytes, by name, after all the checks above. */
export function readZip(
  bytes: Uint8Array,
  fileName: string,
  expected: readonly string[],
): Map<string, Uint8Array> {
  const members = zipMembers(bytes, fileName);
  requireMembers(members, expected);
  return new Map(members.map((m) => [m.name, readMember(bytes, m, fileName)]));
}
