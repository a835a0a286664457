import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { initI18n } from '../../src/app/i18n';
import { db } from '../../src/app/db';

await initI18n('vi', ['counter', 'kiosk', 'admin', 'home', 'figures']);

beforeEach(async () => {
  localStorage.clear(); // the kiosk's survey in progress and the language choice live there
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  window.location.hash = '';
});

afterEach(() => cleanup());
