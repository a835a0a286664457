/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';
import SlowestFirst from './tests/support/sequencer';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Our own service worker (src/sw.ts) so we control caching and background sync.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // The app shows its own update prompt through workbox-window (src/app/update.ts).
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        // Papers and letters print with Noto Serif: its Latin and Vietnamese subsets must be there offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,wasm}', 'assets/noto-serif-{latin,latin-ext,vietnamese}-*.woff2'],
        // The QR decoder's WebAssembly (about 1 MB) must be there offline too.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      manifest: {
        name: 'Bàn Một Cửa Thân Thiện',
        short_name: 'Một Cửa',
        description: 'Tiếp nhận và trả kết quả hồ sơ hành chính, làm việc cả khi mất mạng.',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#b3261e',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    // Every text asset also as .br and .gz beside it, made once at build at the highest levels,
    // which the server (src/server/web.ts) sends as they are: no compression per request.
    compression({
      include: /\.(js|mjs|css|html|svg|json|webmanifest|wasm)$/,
      // A file stays plain only when compressing would not make it smaller (the plugin's
      // skipIfLargerOrEqual): a 187-byte chunk once went plain under a 200-byte threshold while its
      // gzip was 162 bytes, more on the wire than the build's gzip figure says.
      threshold: 0,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      logLevel: 'silent',
    }),
  ],
  build: { target: 'es2022', sourcemap: false, manifest: true },
  test: {
    // One test file per core. Vitest's default (cores - 1) keeps a core for itself, but most of our
    // files wait on other processes (the server, PostgreSQL, Chromium, fsync) far more than they
    // compute: on 2 cores, one worker left the machine half idle. The e2e files still run one at a
    // time, after the rest (fileParallelism: false below).
    maxWorkers: '100%',
    sequence: { sequencer: SlowestFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One empty PGlite cluster per run, copied for each test server instead of 5–10 s of initdb each.
          globalSetup: ['tests/support/pglite-template.ts'],
          testTimeout: 120_000,
          // PGlite takes 15–25 s to open on a loaded 2-core machine; a 10 s hook limit failed setups, not assertions.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/pglite-template.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
