// The server-side integration set-up the capability tests share: inside a describe block run once
// per backend, the real server on that database, started before the block's tests and closed after.
import { afterAll, beforeAll } from 'vitest';
import { live } from './live';
import { startTestServer, type Backend, type TestServer } from './test-server';

/**
 * The real server on `backend` for this describe block: PGlite in a temp dir, or a throwaway
 * PostgreSQL cluster of its own (both removed on close). A cluster or PGlite can take 20+ s to
 * start on a loaded machine, hence the long timeout.
 */
export function useServerOn(backend: Backend, timeoutMs = 180_000): TestServer {
  let s: TestServer | undefined;
  beforeAll(async () => {
    s = await startTestServer({ db: backend });
  }, timeoutMs);
  afterAll(() => s?.close());
  return live(() => s, `the test server on ${backend}`);
}
