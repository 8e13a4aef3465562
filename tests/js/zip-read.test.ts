// The upload zip reader (web/src/files/zip-read.ts) against zips made by fflate and by Python's
// zipfile (an independent writer), and against damaged ones made here byte by byte: each damage
// is refused with the problem that names it, and a bomb is refused from its declared sizes before
// anything is inflated.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FileProblem } from '../../web/src/files/file-problem';
import { checkSuperblock } from '../../web/src/files/hdf5-superblock';
import { crc32, readZip, requireMembers, unsafeEntryName, zipMembers } from '../../web/src/files/zip-read';

const KERAS_MEMBERS = ['metadata.json', 'config.json', 'model.weights.h5'];
const enc = (s: string) => new TextEncoder().encode(s);
const dir = mkdtempSync(join(tmpdir(), 'rnn-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kerasLike(level: 0 | 6 = 0): Uint8Array {
  return zipSync(
    {
      'metadata.json': enc('{"keras_version": "3.4.1"}'),
      'config.json': enc('{"class_name": "Sequential"}'),
      'model.weights.h5': new Uint8Array(3000).map((_, i) => (i * 7) % 256),
    },
    { level },
  );
}

function problemOf(work: () => unknown): string {
  try {
    work();
  } catch (e) {
    if (e instanceof FileProblem) return `${e.problem}`;
    throw e;
  }
  return 'none';
}

/** Offset of the end-of-central-directory record and of the first central directory entry. */
function layout(zip: Uint8Array) {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  return { v, eocd, cd: v.getUint32(eocd + 16, true) };
}

describe('reading a good zip', () => {
  it('gives every member of a stored and of a deflated zip, byte for byte', () => {
    for (const level of [0, 6] as const) {
      const files = readZip(kerasLike(level), 'm.keras', KERAS_MEMBERS);
      expect([...files.keys()]).toEqual(KERAS_MEMBERS);
      expect(new TextDecoder().decode(files.get('config.json'))).toBe('{"class_name": "Sequential"}');
      expect(files.get('model.weights.h5')![2999]).toBe((2999 * 7) % 256);
    }
  });

  it("reads a zip Python's zipfile wrote, in any member order", () => {
    const path = join(dir, 'py.keras');
    execFileSync('/usr/bin/python3', [
      '-c',
      `
import zipfile
with zipfile.ZipFile(${JSON.stringify(path)}, 'w', compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr('model.weights.h5', bytes(range(256)) * 10)
    z.writestr('config.json', '{}')
    z.writestr('metadata.json', '{"keras_version": "3.13.0"}')
`,
    ]);
    const files = readZip(new Uint8Array(readFileSync(path)), 'py.keras', KERAS_MEMBERS);
    expect(files.get('model.weights.h5')!.length).toBe(2560);
    expect(files.get('model.weights.h5')![300]).toBe(300 % 256);
  });

  it('computes zip CRC-32 (the check value of "123456789" is CBF43926)', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
  });
});

describe('refusing damaged zips', () => {
  it('refuses a file that is not a zip', () => {
    expect(problemOf(() => zipMembers(enc('{"modelTopology": {}}'), 'x.keras'))).toBe('zipNotZip');
  });

  it('refuses a zip cut short, wherever it is cut', () => {
    const zip = kerasLike();
    for (const keep of [10, 200, 1500, zip.length - 30, zip.length - 1]) {
      expect(
        problemOf(() => readZip(zip.slice(0, keep), 'x.keras', KERAS_MEMBERS)),
        `cut at ${keep}`,
      ).toBe('zipTruncated');
    }
  });

  it('refuses a member whose bytes changed (CRC-32)', () => {
    const zip = kerasLike();
    const members = zipMembers(zip, 'x.keras');
    zip[members[2].dataOffset + 100] ^= 0x40;
    expect(problemOf(() => readZip(zip, 'x.keras', KERAS_MEMBERS))).toBe('zipChecksum');
  });

  it('refuses a damaged central directory', () => {
    const zip = kerasLike();
    const { cd } = layout(zip);
    zip[cd] = 0;
    expect(problemOf(() => zipMembers(zip, 'x.keras'))).toBe('zipCorrupt');
  });

  it("refuses entry names that leave the folder ('..', absolute, backslashes, drive letters)", () => {
    for (const name of ['../config.json', 'a/../../etc/passwd', '/config.json', 'C:/x', 'a\\..\\b']) {
      const zip = zipSync({ [name]: enc('{}') }, { level: 0 });
      expect(
        problemOf(() => zipMembers(zip, 'x.keras')),
        name,
      ).toBe('zipUnsafeName');
    }
    expect(unsafeEntryName('layers..json')).toBe(false);
    expect(unsafeEntryName('assets/a..b')).toBe(false);
  });

  it('refuses a bomb by its declared sizes, before inflating anything', () => {
    // 1 MB of zeros deflates to ~1 kB; the central directory then claims 3 GB.
    const zip = zipSync(
      { 'metadata.json': new Uint8Array(1 << 20), 'config.json': enc('{}'), 'model.weights.h5': enc('x') },
      { level: 9 },
    );
    const { v, cd } = layout(zip);
    v.setUint32(cd + 24, 3_000_000_000, true);
    // zipMembers only reads the directory (readZip inflates after it): the bomb stops there.
    expect(problemOf(() => zipMembers(zip, 'x.keras'))).toBe('zipBomb');
    expect(problemOf(() => readZip(zip, 'x.keras', KERAS_MEMBERS))).toBe('zipBomb');
    // A stored member whose declared size differs from its stored bytes is refused the same way.
    const stored = kerasLike();
    const s = layout(stored);
    s.v.setUint32(s.cd + 24, 1 << 30, true);
    expect(problemOf(() => zipMembers(stored, 'x.keras'))).toBe('zipBomb');
  });

  it('inflates an honest member into exactly its declared size', () => {
    const raw = new Uint8Array(50_000).map((_, i) => i % 13);
    expect(deflateSync(raw).length).toBeLessThan(raw.length);
    const zip = zipSync(
      { 'metadata.json': raw, 'config.json': enc('{}'), 'model.weights.h5': enc('x') },
      { level: 6 },
    );
    expect(readZip(zip, 'x.keras', KERAS_MEMBERS).get('metadata.json')).toEqual(raw);
  });

  it('refuses missing and extra members, naming them', () => {
    const two = zipSync({ 'metadata.json': enc('{}'), 'config.json': enc('{}') }, { level: 0 });
    try {
      readZip(two, 'x.keras', KERAS_MEMBERS);
      expect.unreachable();
    } catch (e) {
      expect((e as FileProblem).problem).toBe('missingMember');
      expect((e as FileProblem).params[0]).toBe('model.weights.h5');
    }
    const four = zipMembers(
      zipSync(
        { ...Object.fromEntries(KERAS_MEMBERS.map((m) => [m, enc('{}')])), 'run.sh': enc('rm') },
        { level: 0 },
      ),
      'x',
    );
    expect(problemOf(() => requireMembers(four, KERAS_MEMBERS))).toBe('extraMember');
  });

  it('refuses encrypted members and unknown compression methods', () => {
    const zip = kerasLike();
    const { v, cd } = layout(zip);
    v.setUint16(cd + 8, 1, true);
    expect(problemOf(() => zipMembers(zip, 'x.keras'))).toBe('zipEncrypted');
    v.setUint16(cd + 8, 0, true);
    v.setUint16(cd + 10, 12, true); // bzip2
    expect(problemOf(() => zipMembers(zip, 'x.keras'))).toBe('zipMethod');
  });
});

describe('fuzzing the checks', () => {
  it('any damage to a .keras zip or an HDF5 header ends in a FileProblem or a correct read, never another error', () => {
    const zip = kerasLike(6);
    const h5Header = new Uint8Array(96);
    h5Header.set([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 8, 8]);
    const damage = fc.record({
      cut: fc.integer({ min: 0, max: zip.length }),
      flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
    });
    const harm = (bytes: Uint8Array, d: { cut: number; flips: { at: number; value: number }[] }) => {
      const b = bytes.slice(0, Math.min(bytes.length, d.cut));
      for (const f of d.flips) if (b.length) b[f.at % b.length] = f.value;
      return b;
    };
    const onlyProblems = (work: () => unknown) => {
      try {
        work();
      } catch (e) {
        if (!(e instanceof FileProblem)) throw e;
      }
    };
    fc.assert(
      fc.property(damage, (d) => onlyProblems(() => readZip(harm(zip, d), 'x.keras', KERAS_MEMBERS))),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(damage, (d) =>
        onlyProblems(() => checkSuperblock(harm(h5Header, { ...d, cut: d.cut % 97 }), 'x.h5')),
      ),
      { numRuns: 2000 },
    );
  });
});
