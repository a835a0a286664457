import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { mountApp } from '../../src/server/web';

/** Serve a private copy of the built app on a free loopback port; the copy can be changed to simulate a release. */
export async function startAppServer(): Promise<{ url: string; root: string; close: () => Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'friendly-desk-dist-'));
  cpSync(resolve('dist'), root, { recursive: true });
  const app = new Hono();
  mountApp(app, root);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    root,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
