// Runs in Chromium: the peer of drain-bench.ts. The same 10,000 dossier records written to
// PouchDB on IndexedDB, then replicated to a CouchDB-protocol server (express-pouchdb, see
// pouch-server.ts) the way a PouchDB app syncs; only the replication is timed.
import PouchDB from 'pouchdb-browser';
import seed from '../../src/domain/demo/demo-commune.json';
import { formatDossierCode } from '../../src/domain';
import { benchDossier } from './records';

(window as unknown as { runPouchDrain: (remote: string, n: number) => Promise<unknown> }).runPouchDrain = async (remote, n) => {
  const local = new PouchDB(`drain-${Date.now()}`);
  const start = Date.now() - n * 1000;
  for (let chunk = 0; chunk < n; chunk += 1000) {
    const docs = [];
    for (let i = chunk; i < Math.min(n, chunk + 1000); i++) {
      const at = new Date(start + i * 1000);
      docs.push({ _id: crypto.randomUUID(), type: 'dossier', ...benchDossier(i, at, formatDossierCode(seed.commune.code, at, 1, i + 1), seed) });
    }
    await local.bulkDocs(docs);
  }
  const t0 = performance.now();
  // PouchDB's defaults (batches of 100 docs), as an app would replicate.
  const result = await local.replicate.to(remote);
  const ms = performance.now() - t0;
  return { ms, written: result.docs_written, remoteDocs: (await new PouchDB(remote).info()).doc_count };
};
document.title = 'ready';
