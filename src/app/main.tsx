import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './App';
import { requestPersistence } from '../db';
import './styles.css';

// The first screen waits for its words (one small chunk, from the precache when offline).
void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // Service worker registration and update checks are not needed to draw the first screen.
  void import('./update').then((m) => m.registerServiceWorker());
});
void requestPersistence();
