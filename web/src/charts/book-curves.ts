// The per-epoch logs the textbook and the blogs printed (book_curves.csv, copied into the
// repository as data), read into columns for the charts.
import csvText from '../data/reference/book_curves.csv?raw';

export interface BookCurve {
  source: string;
  model: string;
  epoch: number[];
  loss: number[];
  accuracy: number[];
  val_loss: number[];
  val_accuracy: number[];
}

export function parseBookCurves(text: string): BookCurve[] {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const col = (name: string) => header.indexOf(name);
  const byKey = new Map<string, BookCurve>();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const key = `${f[col('source')]}|${f[col('model')]}`;
    let c = byKey.get(key);
    if (!c) {
      c = {
        source: f[col('source')],
        model: f[col('model')],
        epoch: [],
        loss: [],
        accuracy: [],
        val_loss: [],
        val_accuracy: [],
      };
      byKey.set(key, c);
    }
    c.epoch.push(Number(f[col('epoch')]));
    for (const k of ['loss', 'accuracy', 'val_loss', 'val_accuracy'] as const) c[k].push(Number(f[col(k)]));
  }
  return [...byKey.values()];
}

let cache: BookCurve[] | null = null;

export function bookCurve(source: string, model: string): BookCurve | undefined {
  cache ??= parseBookCurves(csvText);
  return cache.find((c) => c.source === source && c.model === model);
}
