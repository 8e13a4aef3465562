// The formats module's tfjsOpen value turned into what the page uses: the flat weights come as
// base64 of little-endian float32 (JSON carries no binary), decoded here into a Float32Array.
import type { FileNote } from '../engine/protocol';

export interface TfjsOpenValue {
  model_json: string;
  weights_b64: string;
  notes: FileNote[];
}

export function tfjsOpened(v: TfjsOpenValue): {
  model_json: string;
  weights: Float32Array<ArrayBuffer>;
  notes: FileNote[];
} {
  const text = atob(v.weights_b64);
  if (text.length % 4 !== 0)
    throw new Error(`tfjsOpen: ${text.length} weight bytes is not a whole number of float32 values`);
  const view = new DataView(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) view.setUint8(i, text.charCodeAt(i));
  const weights = new Float32Array(text.length / 4);
  for (let i = 0; i < weights.length; i++) weights[i] = view.getFloat32(4 * i, true);
  return { model_json: v.model_json, weights, notes: v.notes };
}
