// How the service worker names its caches, kept apart from sw.ts so that tests can check it.
// Names: rnn-playground-{precache,runtime}-<build>-<scope>. The build id is a hash of the precache
// list (the same files give the same id); the scope keeps two copies of the site under different
// sub-paths of one origin apart, so one never deletes the other's caches.

export const CACHE_PREFIX = 'rnn-playground';

/** FNV-1a (32 bit) over the precache list's URLs and revisions, as 8 hex digits. */
export function buildId(entries: ({ url: string; revision?: string | null } | string)[]): string {
  const text = entries.map((e) => (typeof e === 'string' ? e : `${e.url} ${e.revision ?? ''}`)).join('\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The part after rnn-playground-<kind>- in every cache name of this build and scope. */
export function cacheSuffix(build: string, scope: string): string {
  return `${build}-${scope}`;
}

/** Is this cache ours, for this scope, but of another build (so it can be deleted)? */
export function isOldCache(name: string, build: string, scope: string): boolean {
  return (
    name.startsWith(`${CACHE_PREFIX}-`) &&
    name.endsWith(`-${scope}`) &&
    !name.endsWith(`-${cacheSuffix(build, scope)}`)
  );
}
