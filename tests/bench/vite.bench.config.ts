import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/** Bench pages are built like the app (production React, same Dexie code) but never shipped. */
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../../dist-bench'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        dossiers: resolve(import.meta.dirname, 'dossiers.html'), drain: resolve(import.meta.dirname, 'drain.html'),
        pouch: resolve(import.meta.dirname, 'pouch.html'),
      },
    },
  },
});
