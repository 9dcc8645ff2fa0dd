/** An object type whose properties that may be undefined become optional ones that, when present, are defined. */
export type DefinedOnly<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * A copy of `properties` without those that are undefined, to pass optional values on under
 * `exactOptionalPropertyTypes` (`{ ...definedOnly({ reason }) }` for `...(reason === undefined ? {} : { reason })`).
 */
export function definedOnly<T extends object>(properties: T): DefinedOnly<T> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined)) as DefinedOnly<T>;
}
