// The string tables: one per language per view (en/<view>.ts, ko/<view>.ts). English is the
// reference: each Korean table is typed as its English twin, so a key missing or added on one side
// is a type error. `ui.<view>.<key>` always reads the current language's table; components add a
// LanguageController (./lit) to re-render when it changes. How to add a string: docs/i18n.md.
import { app as enApp } from './en/app';
import { cell as enCell } from './en/cell';
import { classify as enClassify } from './en/classify';
import { common as enCommon } from './en/common';
import { compare as enCompare } from './en/compare';
import { data as enData } from './en/data';
import { files as enFiles } from './en/files';
import { engine as enEngine } from './en/engine';
import { link as enLink } from './en/link';
import { model as enModel } from './en/model';
import { messages as enMessages } from './en/messages';
import { presets as enPresets } from './en/presets';
import { runs as enRuns } from './en/runs';
import { train as enTrain } from './en/train';
import { app as koApp } from './ko/app';
import { cell as koCell } from './ko/cell';
import { classify as koClassify } from './ko/classify';
import { common as koCommon } from './ko/common';
import { compare as koCompare } from './ko/compare';
import { data as koData } from './ko/data';
import { files as koFiles } from './ko/files';
import { engine as koEngine } from './ko/engine';
import { link as koLink } from './ko/link';
import { model as koModel } from './ko/model';
import { messages as koMessages } from './ko/messages';
import { presets as koPresets } from './ko/presets';
import { runs as koRuns } from './ko/runs';
import { train as koTrain } from './ko/train';
import { language, type Lang } from './language';
import { codeOf, isNested } from './message';
import type { Translation } from './translation';

const en = {
  app: enApp,
  common: enCommon,
  model: enModel,
  data: enData,
  train: enTrain,
  compare: enCompare,
  classify: enClassify,
  presets: enPresets,
  messages: enMessages,
  engine: enEngine,
  cell: enCell,
  runs: enRuns,
  link: enLink,
  files: enFiles,
};
/** Every view's table, as any language must provide it. */
export type Tables = { [V in keyof typeof en]: Translation<(typeof en)[V]> };

export const tables: Record<Lang, Tables> = {
  en,
  ko: {
    app: koApp,
    common: koCommon,
    model: koModel,
    data: koData,
    train: koTrain,
    compare: koCompare,
    classify: koClassify,
    presets: koPresets,
    messages: koMessages,
    engine: koEngine,
    cell: koCell,
    runs: koRuns,
    link: koLink,
    files: koFiles,
  },
};

/** The current language's tables: `ui.train.epochsLabel`. */
export const ui: Tables = new Proxy({} as Tables, {
  get: (_, view) => tables[language()][view as keyof Tables],
});

export { LanguageController } from './lit';
export { chooseLanguage, detectLanguage, language, onLanguageChange, type Lang } from './language';
export { groupThousands } from './format';

/** A message kept as a function, so that a stored status or error follows a change of language. */
export type Text = () => string;

/** An error's text in the current language: by its code when it has one, else its own message. */
export function messageText(e: unknown): string {
  const { code, params } = codeOf(e);
  if (code) {
    // A refused link or saved set-up (state/playground-state.ts, StateError) has its own table.
    const table = (e as Error).name === 'StateError' ? ui.link : ui.messages;
    const entry = (table as Record<string, unknown>)[code] ?? (ui.engine as Record<string, unknown>)[code];
    // A nested engine message (a damaged pack's reason) is said in the same language.
    const said = (params ?? []).map((p) => (isNested(p) ? messageText(p) : p));
    if (typeof entry === 'function') return (entry as (...a: unknown[]) => string)(...said);
    if (typeof entry === 'string') return entry;
  }
  if (e instanceof Error) return e.message;
  // A worker event ({ event: 'fatal', error, code?, params? }) carries its text in `error`.
  const text = (e as { error?: unknown } | null)?.error;
  return typeof text === 'string' ? text : String(e);
}

export { MessageError } from './message';
