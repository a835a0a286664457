// `npm run backup [-- <file>]`: a backup of the server's database (README, "Backups").
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backup, defaultBackupFile } from '../src/server/backup';

const env = { dataDir: resolve(process.env.DATA_DIR ?? 'data'), databaseUrl: process.env.DATABASE_URL, adminToken: process.env.ADMIN_TOKEN };
const file = resolve(process.argv[2] ?? defaultBackupFile(env));
mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
backup(env, file).then(
  () => console.log(`Backup written: ${file}`),
  (err: Error) => {
    console.error(`Backup failed: ${err.message}`);
    process.exit(1);
  },
);
