import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './App';
// Straight from their modules, not from '../db': neither needs Dexie, and the first screen must not wait for it.
import { readSetupWithoutDexie } from '../db/setup';
import { requestPersistence } from '../db/storage';
import './styles.css';

// The first screen waits for its words (one small chunk, from the precache when offline) and for
// what this tablet is (read straight from IndexedDB).
void Promise.all([readSetupWithoutDexie(), initI18n()]).then(([setup]) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialSetup={setup} />
    </StrictMode>,
  );
  // Service worker registration and update checks are not needed to draw the first screen.
  void import('./update').then((m) => m.registerServiceWorker());
});
void requestPersistence();
