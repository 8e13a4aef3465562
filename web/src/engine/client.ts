// The page's side of an engine worker: promise-based requests over protocol.ts. Every message
// from the worker is checked against the protocol's schemas as it arrives: a malformed reply
// rejects its request with a ProtocolError naming the request and the field; a malformed message
// that belongs to no request (an event, or a reply without a valid id) ends the worker, as a crash.
import { codeOf, MessageError } from '../i18n/message';
import { EngineError } from './engine-api';
import type { RequestKind, RequestMap, WorkerEvent, WorkerMessage } from './protocol';
import { ProtocolError, isReply, parseReplyValue, parseWorkerMessage } from './protocol';

type Pending = { kind: RequestKind; resolve: (v: unknown) => void; reject: (e: Error) => void };
export type EventListener = (e: WorkerEvent) => void;

export class EngineClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** The error that ended this worker (it carries a message code when it has one). */
  private crashed: Error | null = null;
  private listeners = new Set<EventListener>();

  constructor() {
    this.worker = new Worker(new URL('./rnn.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    this.worker.onerror = (e: ErrorEvent) =>
      this.fail(new MessageError('workerCrashed', e.message || 'unknown error'));
  }

  request<K extends RequestKind>(kind: K, params: RequestMap[K]['params']): Promise<RequestMap[K]['result']> {
    if (this.crashed) return Promise.reject(this.crashed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { kind, resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, kind, params });
    });
  }

  /** Subscribes to the worker's events (progress, pause...); returns the unsubscribe function. */
  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The error that ended this worker, or null while it is alive. */
  get failure(): string | null {
    return this.crashed?.message ?? null;
  }

  terminate(): void {
    this.fail(new MessageError('workerStopped'));
  }

  private receive(data: unknown): void {
    let m: WorkerMessage;
    try {
      m = parseWorkerMessage(data);
    } catch (e) {
      const error = e as ProtocolError;
      const id = (data as { id?: unknown } | null)?.id;
      const p = typeof id === 'number' ? this.pending.get(id) : undefined;
      if (p) {
        this.pending.delete(id as number);
        p.reject(new ProtocolError(`reply to '${p.kind}'`, error.detail));
      } else {
        this.fail(error);
      }
      return;
    }
    if (!isReply(m)) {
      if (m.event === 'fatal') this.fail(new EngineError(m.error, m));
      else for (const l of this.listeners) l(m);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (!m.ok) {
      p.reject(new EngineError(m.error, m));
      return;
    }
    try {
      p.resolve(parseReplyValue(p.kind, m.value));
    } catch (e) {
      p.reject(e as Error);
    }
  }

  /** Ends this worker for good: a worker that crashed or broke the protocol is not used again. */
  private fail(error: Error): void {
    if (this.crashed) return;
    this.crashed = error;
    // Its module may still hold memory (a trapped WebAssembly instance does): let it go, so that
    // the page's replacement worker is not added to a zombie.
    this.worker.terminate();
    for (const l of this.listeners) l({ event: 'fatal', error: error.message, ...codeOf(error) });
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
