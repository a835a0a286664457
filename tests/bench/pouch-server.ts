// A CouchDB-protocol server in this Node process (express-pouchdb over PouchDB's in-memory
// adapter) that also serves the bench pages, so the page replicates to its own origin.
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startPouchServer(pagesDir: string) {
  const logDir = mkdtempSync(join(tmpdir(), 'fd-pouch-'));
  const Pouch = PouchDB.plugin(memory).plugin(http).plugin(replication).defaults({ adapter: 'memory' });
  const app = express();
  app.use('/tests', express.static(join(pagesDir, 'tests')));
  app.use('/assets', express.static(join(pagesDir, 'assets')));
  app.use('/db', expressPouchdb(Pouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: join(logDir, 'log.txt') }));
  const server = await new Promise<ReturnType<typeof app.listen>>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
        rmSync(logDir, { recursive: true, force: true });
      }),
  };
}
