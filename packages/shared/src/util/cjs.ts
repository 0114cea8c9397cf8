/**
 * A CommonJS module loaded with `import()`: in the actions' split bundles it arrives as its `default` export only
 * (module.exports), under ts-jest and Node with its named exports too; this reads both the same way.
 */
export function cjs<T extends object>(mod: T): T {
  return ((mod as { default?: T }).default ?? mod) as T;
}
