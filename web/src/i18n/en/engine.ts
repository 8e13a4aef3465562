// The engine's coded messages in English: the engine's own texts (cpp/engine/messages.def, via the
// generated engine-messages.ts), so the page says exactly what the CLI prints.
import { ENGINE_MESSAGES, type EngineCode, type EngineParams } from '../engine-messages';

/** A template's {parameter}s replaced by the values, in the order `names` lists them. */
export function fillTemplate(template: string, names: readonly string[], values: readonly string[]): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const i = names.indexOf(name);
    return i >= 0 && i < values.length ? values[i] : whole;
  });
}

export const engine = Object.fromEntries(
  ENGINE_MESSAGES.map((m) => [m.code, (...values: string[]) => fillTemplate(m.english, m.params, values)]),
) as { [C in EngineCode]: (...params: EngineParams[C]) => string };
