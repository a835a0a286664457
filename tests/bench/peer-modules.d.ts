// The PouchDB bench's peer packages ship no types, and @types/pouchdb-core redeclares Node's
// global Buffer (which breaks the server's types): only the calls the bench makes.
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  export default function expressPouchdb(pouch: unknown, options?: { mode?: string; inMemoryConfig?: boolean; logPath?: string }): RequestHandler;
}
declare module 'pouchdb-browser' {
  interface Db {
    bulkDocs(docs: object[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number }>;
    replicate: { to(target: string, options?: { batch_size?: number }): Promise<{ docs_written: number }> };
  }
  const PouchDB: new (name: string) => Db;
  export default PouchDB;
}
declare module 'pouchdb-core' {
  interface Constructor {
    plugin(plugin: unknown): Constructor;
    defaults(options: { adapter: string }): Constructor;
  }
  const PouchDB: Constructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
