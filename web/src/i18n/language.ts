// Which language the page speaks. Until the reader chooses, the first entry of navigator.languages
// that starts with "ko" or "en" decides (English if none); the choice is kept in localStorage, so it
// survives reloads and later visits, and is deliberately not part of the share link (a link sent
// to a classmate opens in the classmate's language). <html lang> follows, for screen readers and
// for the browser's choice of Korean fonts.
export const LANGUAGES = ['ko', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'rnn-playground.language';

export function isLang(v: unknown): v is Lang {
  return v === 'ko' || v === 'en';
}

/** The language the browser prefers: the first "ko…" or "en…" entry, English if none. */
export function detectLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLang(primary)) return primary;
  }
  return 'en';
}

function storedLanguage(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe): fall back to the browser's
  }
}

function initialLanguage(): Lang {
  const nav = globalThis.navigator as Navigator | undefined;
  return storedLanguage() ?? detectLanguage(nav?.languages ?? (nav?.language ? [nav.language] : []));
}

let current: Lang = initialLanguage();
const listeners = new Set<(lang: Lang) => void>();

function applyToDocument(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}
applyToDocument();

export function language(): Lang {
  return current;
}

/** The reader's choice: remembered across visits, and every subscribed view re-renders. */
export function chooseLanguage(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* not remembered, but still applied for this visit */
  }
  if (lang === current) return;
  current = lang;
  applyToDocument();
  for (const f of listeners) f(lang);
}

export function onLanguageChange(f: (lang: Lang) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}
