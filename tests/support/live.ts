// What a test file's beforeAll starts, named at module level before it exists.

/**
 * Stands for what `get()` returns once the beforeAll that starts it has run, so a test file names
 * it once at module level (`const { s, browser } = useServerAndChromium()`, or
 * `const s = useServerOn(backend)` in a describe block) and its tests read it as before.
 */
export function live<T extends object>(get: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = get();
      if (!target) throw new Error(`${what} is used before the beforeAll that starts it has run`);
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
