import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/** Bench pages are built like the app (production React, same Dexie code) but never shipped. */
export default defineConfig({
  root: resolve(__dirname, '../..'),
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../dist-bench'),
    emptyOutDir: true,
    rollupOptions: { input: { dossiers: resolve(__dirname, 'dossiers.html') } },
  },
});
