import * as z from 'zod';

// Full zod rather than zod/mini: it compiles its object parsers, which checks a server's batch of
// 500 ops about a third faster; tablets load it with their first write, after the first screen.
// Compiling needs eval, which the app's Content Security Policy forbids, so outside Node (page or
// service worker) zod parses without it and does not even try: a refused eval would be reported.
const inNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
z.config({ jitless: !inNode });

export { z };
