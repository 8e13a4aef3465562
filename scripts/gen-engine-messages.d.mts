// Types of gen-engine-messages.mjs (the build runs it with plain node; tests import it).
export interface DefMessage {
  code: string;
  params: string[];
  english: string;
}
export const OUT: string;
export function readMessages(text?: string): DefMessage[];
export function generate(messages?: DefMessage[]): string;
