// The presets' titles, sources and "summary only" reasons (English): presets.json holds them, in
// English, since the C++ tests and the CLI read that file too. ko/presets.ts has the same keys.
import { presets as all } from '../../presets/presets';
import { presetTexts } from '../preset-texts';

export const presets = presetTexts(all);
