/// <reference lib="webworker" />
// The engine worker's data: the packs it fetches (with dataProgress events) or generates, the one
// the Session holds, and the word index classify reads typed reviews with.
import type { EngineSession } from '../wasm/rnn_engine.mjs';
import { parseWordIndex, type WordIndex } from '../data/word-index';
import { longMemoryPack } from '../data/long-memory';
import { MessageError, nested } from '../i18n/message';
import { unwrapReply } from './engine-api';
import type { DataPackId } from './protocol';
import { engine, post } from './worker-session';

declare const self: DedicatedWorkerGlobalScope;

// `Long memory` is not downloaded: it is generated here from its fixed seed (data/long-memory.ts).
const PACK_FILES: Record<DataPackId, string> = {
  quick: 'imdb-quick.pack',
  book: 'imdb-book.pack',
  'long-memory': 'long-memory',
};
const packBytes = new Map<DataPackId, Uint8Array>();
/** The pack the Session holds now (null after replaceSession). */
let loadedPack: DataPackId | null = null;
let wordIndex: Promise<WordIndex> | null = null;

/** Data files sit in data/ beside the page; this worker's script is in assets/. */
function dataUrl(file: string): URL {
  return new URL(`../data/${file}`, self.location.href);
}

async function fetchWithProgress(file: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(dataUrl(file));
  } catch (e) {
    throw new MessageError('downloadFailed', file, e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) throw new MessageError('downloadHttp', file, response.status);
  const total = Number(response.headers.get('Content-Length')) || null;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    post({ event: 'dataProgress', loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

export async function ensurePack(pack: DataPackId): Promise<EngineSession> {
  const { session } = await engine();
  if (!(pack in PACK_FILES))
    throw new Error(`Unknown data pack '${String(pack)}': choose quick, book or long-memory.`);
  if (loadedPack !== pack) {
    let bytes = packBytes.get(pack);
    if (!bytes) {
      bytes = pack === 'long-memory' ? longMemoryPack() : await fetchWithProgress(PACK_FILES[pack]);
      packBytes.set(pack, bytes);
    }
    try {
      unwrapReply(session.loadPack(bytes));
    } catch (e) {
      packBytes.delete(pack);
      throw new MessageError('dataDamaged', PACK_FILES[pack], nested(e));
    }
    loadedPack = pack;
  }
  return session;
}

export function loadWordIndex(): Promise<WordIndex> {
  // A plain fetch: the word list is ~100 kB and only classify needs it, so no dataProgress events
  // (the Train tab shows those as data loading).
  wordIndex ??= fetch(dataUrl('word-index.json')).then(async (r) => {
    if (!r.ok) throw new MessageError('downloadHttp', 'word-index.json', r.status);
    return parseWordIndex(await r.text());
  });
  wordIndex.catch(() => (wordIndex = null));
  return wordIndex;
}

/** The Session was replaced: it holds no pack now. */
export function forgetLoadedPack(): void {
  loadedPack = null;
}

/** The bytes of `pack` if it is the one the Session holds (accuracy by length reads its test lengths). */
export function loadedPackBytes(pack: DataPackId | undefined): Uint8Array | undefined {
  return pack && loadedPack === pack ? packBytes.get(pack) : undefined;
}

/** Whether the Session holds `pack` now. */
export function isLoaded(pack: DataPackId): boolean {
  return loadedPack === pack;
}
