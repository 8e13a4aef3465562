// Errors that carry a code and parameters besides their English text, so that the page can say
// them in the reader's language: MessageError for the page's own messages (en/messages.ts), and
// the engine's errors, whose codes come from cpp/engine/messages.def (the generated engine-messages.ts).
import { messages as en } from './en/messages';

type PageMessages = typeof en;
export type PageCode = keyof PageMessages;
/** A text parameter may also be a nested coded message (see nested()). */
type Params<C extends PageCode> = PageMessages[C] extends (...a: infer A) => string
  ? { [K in keyof A]: A[K] extends string ? A[K] | NestedMessage : A[K] }
  : [];

/**
 * An engine message carried as a parameter of a page message (dataDamaged's reason): its code,
 * parameters and English text, as plain data so that it crosses from the worker to the page.
 */
export interface NestedMessage {
  code: string;
  params: unknown[];
  error: string;
}

export function isNested(p: unknown): p is NestedMessage {
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof (p as NestedMessage).error === 'string' &&
    codeOf(p).code !== undefined
  );
}

/** An error as a parameter of another message: nested when it has a code, else its text. */
export function nested(e: unknown): string | NestedMessage {
  const text = e instanceof Error ? e.message : String(e);
  const { code, params } = codeOf(e);
  return code ? { code, params: params ?? [], error: text } : text;
}

export class MessageError<C extends PageCode = PageCode> extends Error {
  readonly params: Params<C>;
  constructor(
    readonly code: C,
    ...params: Params<C>
  ) {
    const text = en[code];
    const english = (params as unknown[]).map((p) => (isNested(p) ? p.error : p));
    super(typeof text === 'function' ? (text as (...a: unknown[]) => string)(...english) : text);
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
