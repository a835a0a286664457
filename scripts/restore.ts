// `npm run restore -- <file>`: put a backup back (README, "Backups"). Stop the server first.
import { resolve } from 'node:path';
import { restore } from '../src/server/backup';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- <backup file>');
  process.exit(2);
}
const env = { dataDir: resolve(process.env.DATA_DIR ?? 'data'), databaseUrl: process.env.DATABASE_URL };
restore(env, resolve(file)).then(
  ({ ops, keptAside }) => {
    console.log(`Restored ${file}: ${ops} ops in the op log.`);
    if (keptAside) console.log(`The data directory it replaced is kept in ${keptAside} (delete it once the restore is checked).`);
  },
  (err: Error) => {
    console.error(`Restore failed: ${err.message}`);
    process.exit(1);
  },
);
