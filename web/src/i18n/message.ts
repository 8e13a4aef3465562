// Errors that carry a code and parameters besides their English text, so that the page can say
// them in the reader's language: MessageError for the page's own messages (en/messages.ts), and
// the engine's errors, whose codes come from cpp/engine/messages.def (engine-codes.ts).
import { messages as en } from './en/messages';

type PageMessages = typeof en;
export type PageCode = keyof PageMessages;
type Params<C extends PageCode> = PageMessages[C] extends (...a: infer A) => string ? A : [];

export class MessageError<C extends PageCode = PageCode> extends Error {
  readonly params: Params<C>;
  constructor(readonly code: C, ...params: Params<C>) {
    const text = en[code];
    super(typeof text === 'function' ? (text as (...a: unknown[]) => string)(...params) : text);
    this.name = 'MessageError';
    this.params = params;
  }
}

/** The code and parameters of an error, as the worker protocol carries them. */
export interface Coded {
  code?: string;
  params?: unknown[];
}

export function codeOf(e: unknown): Coded {
  if (typeof e !== 'object' || e === null) return {};
  const { code, params } = e as Coded;
  return typeof code === 'string' && Array.isArray(params) ? { code, params } : {};
}
