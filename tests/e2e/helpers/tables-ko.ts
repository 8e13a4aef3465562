// The page's Korean tables, presets included.
export { app } from '../../../web/src/i18n/ko/app';
export { cell } from '../../../web/src/i18n/ko/cell';
export { classify } from '../../../web/src/i18n/ko/classify';
export { common } from '../../../web/src/i18n/ko/common';
export { compare } from '../../../web/src/i18n/ko/compare';
export { data } from '../../../web/src/i18n/ko/data';
export { link } from '../../../web/src/i18n/ko/link';
export { files } from '../../../web/src/i18n/ko/files';
export { messages } from '../../../web/src/i18n/ko/messages';
export { model } from '../../../web/src/i18n/ko/model';
export { runs } from '../../../web/src/i18n/ko/runs';
export { train } from '../../../web/src/i18n/ko/train';
export { presets } from '../../../web/src/i18n/ko/presets';
