import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './App';
import { registerServiceWorker } from './update';
import { requestPersistence } from '../db';
import './styles.css';

registerServiceWorker();
// The first screen waits for its words (one small chunk, from the precache when offline).
void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
void requestPersistence();
