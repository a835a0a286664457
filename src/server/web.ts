import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { secureHeaders } from 'hono/secure-headers';
import { join } from 'node:path';

/** The built app: the shell cached forever by hash, the service worker and index never cached by HTTP. */
export function mountApp(app: Hono, distDir: string): void {
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // The QR decoder fallback is WebAssembly, shipped with the app (no CDN).
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
      permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [] },
    }),
  );
  const noStore = (path: string) => /(?:^|\/)(?:sw\.js|index\.html|manifest\.webmanifest|registerSW\.js)$/.test(path) || path === '/';
  app.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/api/')) return;
    if (noStore(c.req.path)) c.header('Cache-Control', 'no-cache');
    else if (c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    // The same URL answers br, gzip or plain by Accept-Encoding: caches must key on it, also when
    // this client got the plain file (serveStatic names Vary only when it sent a compressed one).
    if (c.res.headers.get('Content-Type') && !c.res.headers.get('Vary')) c.header('Vary', 'Accept-Encoding');
  });
  // The build leaves .br and .gz beside each text asset (vite.config.ts): sent as they are.
  app.use('*', serveStatic({ root: distDir, precompressed: true }));
  // Any other page path gets the shell; the client-side router takes it from there.
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic({ path: join(distDir, 'index.html') })(c, next);
  });
}
