import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { initI18n } from '../../src/app/i18n';
import { db } from '../../src/app/db';

// findBy/waitFor give up after 1 s by default. The screens load their routes and strings lazily,
// and with a test file per core on a shared 2-core machine a first render has taken longer than
// that: 5 s is a wait, not an assertion (a screen that never comes still fails).
configure({ asyncUtilTimeout: 5000 });

await initI18n('vi', ['counter', 'kiosk', 'admin', 'home', 'figures']);

beforeEach(async () => {
  localStorage.clear(); // the kiosk's survey in progress and the language choice live there
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  window.location.hash = '';
});

afterEach(() => cleanup());
