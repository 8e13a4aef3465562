// The page's kept runs (storage/runs-db.ts) as app-root uses them: the list, a storage problem and
// a note to show, recording a new run, renaming and deleting. Every change redraws the element
// that holds it (host.requestUpdate).
import type { ReactiveControllerHost } from 'lit';
import { presetById } from '../presets/presets';
import { RunRecorder } from '../storage/run-recorder';
import { RunsDb, storageError, type RunRecord } from '../storage/runs-db';
import { ui, type Text } from '../i18n';
import type { RecordRun } from './train-panel';

export class KeptRuns {
  readonly db = new RunsDb();
  private listed: RunRecord[] = [];
  private problemText: Text | null = null;
  private noteText: Text | null = null;
  private refreshTimer: number | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  get runs(): RunRecord[] {
    return this.listed;
  }
  private set runs(r: RunRecord[]) {
    this.listed = r;
    this.host.requestUpdate();
  }
  /** Why runs cannot be kept now (storage full or unavailable), said in the current language. */
  get problem(): Text | null {
    return this.problemText;
  }
  set problem(t: Text | null) {
    this.problemText = t;
    this.host.requestUpdate();
  }
  /** What happened to the runs (interrupted by a reload, opened, could not open). */
  get note(): Text | null {
    return this.noteText;
  }
  set note(t: Text | null) {
    this.noteText = t;
    this.host.requestUpdate();
  }

  storageFailed(e: unknown): void {
    const error = storageError(e);
    this.problem =
      error.kind === 'full' ? () => ui.runs.storageFull : () => ui.runs.storageUnavailable(error.detail);
  }

  /** Runs cut off by the last reload become 'interrupted'; false when storage failed. */
  async start(): Promise<boolean> {
    try {
      const interrupted = await this.db.markInterrupted();
      if (interrupted) this.note = () => ui.runs.interruptedNote(interrupted);
      this.runs = await this.db.list();
      return true;
    } catch (e) {
      this.storageFailed(e);
      return false;
    }
  }

  private refresh(): void {
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => {
      this.db.list().then(
        (r) => (this.runs = r),
        (e: unknown) => this.storageFailed(e),
      );
    }, 100);
  }

  /** Keeps a run as it trains (given to the Train and Compare tabs). */
  readonly record: RecordRun = (client, start) => {
    const preset = start.setup.preset ? presetById(start.setup.preset) : undefined;
    const name = ui.runs.runName(
      preset?.title ?? ui.app.customPreset,
      new Date().toISOString().slice(0, 16).replace('T', ' '),
      start.source,
    );
    return new RunRecorder(
      this.db,
      client,
      { ...start, name },
      {
        onProblem: (e) => this.storageFailed(e),
        onSaved: () => {
          this.problem = null;
          this.refresh();
        },
      },
    );
  };

  async rename(id: string, name: string): Promise<void> {
    try {
      await this.db.rename(id, name);
      this.runs = await this.db.list();
    } catch (e) {
      this.storageFailed(e);
    }
  }

  /** Deletes a run; true when it was deleted. */
  async delete(id: string): Promise<boolean> {
    try {
      await this.db.delete(id);
      this.runs = await this.db.list();
      return true;
    } catch (e) {
      this.storageFailed(e);
      return false;
    }
  }
}
