// The page frame: title, engine status, preset, link, tabs (English).

export const app = {
  updateRegion: 'New version',
  updateReady:
    'A new version of RNN Playground is ready. Reload to use it: your set-up stays (it is in the link), a trained model does not.',
  updateWhileTraining: 'A new version of RNN Playground is ready. It can be loaded when training has ended.',
  updateApply: 'Reload with the new version',
  updateLater: 'Not now',
  buildLabel: (label: string) => `Version ${label}. Works offline after the first visit.`,
  appTitle: 'RNN Playground',
  tagline: 'Build a recurrent network, train it on IMDB reviews in this tab, and look inside.',
  engineLoading: 'Starting the engine…',
  engineReady: (simd: boolean) => `Engine ready (WebAssembly${simd ? ' with SIMD' : ''}).`,
  engineFailed: (msg: string) => `The engine could not start: ${msg}`,
  engineRestarted: (msg: string) =>
    `The engine worker stopped (${msg}). A fresh one has been started: your set-up is kept, train again when ready.`,
  presetLabel: 'Preset',
  customPreset: 'Your own model',
  summaryOnly: 'summary only',
  summaryOnlyNote: (why: string) => `Summary only: ${why}`,
  source: (s: string) => `Source: ${s}`,
  languageLabel: 'Language',
  sectionsLabel: 'Sections',
  tabModel: 'Model',
  tabData: 'Data',
  tabTrain: 'Train',
  tabCompare: 'Compare',
  linkLabel: 'Link to this set-up',
  copyLink: 'Copy link',
  linkCopied: 'Link copied.',
  badLink: (msg: string) => `This link could not be opened: ${msg} The default set-up is shown instead.`,
  summaryOnlyCannotTrain: (why: string) => `This preset is for its summary only: ${why}`,
};
