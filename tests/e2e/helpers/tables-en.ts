// The page's English tables, but presets (see lang.ts).
export { app } from '../../../web/src/i18n/en/app';
export { cell } from '../../../web/src/i18n/en/cell';
export { classify } from '../../../web/src/i18n/en/classify';
export { common } from '../../../web/src/i18n/en/common';
export { compare } from '../../../web/src/i18n/en/compare';
export { data } from '../../../web/src/i18n/en/data';
export { link } from '../../../web/src/i18n/en/link';
export { files } from '../../../web/src/i18n/en/files';
export { messages } from '../../../web/src/i18n/en/messages';
export { model } from '../../../web/src/i18n/en/model';
export { runs } from '../../../web/src/i18n/en/runs';
export { train } from '../../../web/src/i18n/en/train';
