import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { resolve } from 'node:path';
import { mountApp } from './web';

/** One process is the whole product on a laptop: `npm start` → http://localhost:8080. */
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = resolve(process.env.DIST_DIR ?? 'dist');

const app = new Hono();
mountApp(app, distDir);

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Friendly Desk: http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}`);
});

function shutdown(signal: string) {
  console.log(`${signal}: closing`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
