/** The build's label (vite.config.ts: RNN_BUILD_ID, else the git commit), shown in the page footer. */
declare const __BUILD_LABEL__: string;
