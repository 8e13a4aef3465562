// The type of a table in another language: the English table's keys and parameter lists, with any
// string in place of the English literal types TypeScript infers (e.g. 'positive' | 'negative').
export type Translation<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : T[K];
};
