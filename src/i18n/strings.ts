/** The shape of a language's strings from the default language's: every literal widened to `string`, functions kept. */
export type Strings<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Strings<T[K]> };
