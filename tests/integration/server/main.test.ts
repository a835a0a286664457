import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../../support/server-process';

/** `npm start` as a user runs it: src/server/main.ts on PGlite in a data directory, no ADMIN_TOKEN. */
describe('the server process on PGlite', () => {
  it('seeds the demo commune on first start, prints and stores codes and token, keeps all across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'friendly-desk-main-'));
    // An empty ADMIN_TOKEN counts as unset, whatever the environment running the tests holds.
    const first = await startServerProcess({ DATA_DIR: dataDir, ADMIN_TOKEN: '' });
    let device: { token: string };
    let adminToken: string;
    try {
      const tokenFile = join(dataDir, 'admin-token');
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      adminToken = readFileSync(tokenFile, 'utf8').trim();
      expect(adminToken.length).toBeGreaterThanOrEqual(32);

      const out = first.output();
      const codes = Object.fromEntries([...out.matchAll(/^\s+(counter|kiosk|mobile)\s+([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2})$/gm)].map((m) => [m[1], m[2]]));
      expect(Object.keys(codes).sort()).toEqual(['counter', 'kiosk', 'mobile']);
      expect(out).toContain(tokenFile);
      const firstStart = readFileSync(join(dataDir, 'first-start.txt'), 'utf8');
      for (const code of Object.values(codes)) expect(firstStart).toContain(code);
      expect(statSync(join(dataDir, 'first-start.txt')).mode & 0o777).toBe(0o600);

      const communes = await (await fetch(`${first.url}/api/v1/admin/communes`, { headers: { Authorization: `Bearer ${adminToken}` } })).json();
      expect(communes).toHaveLength(1);
      const enrolled = await fetch(`${first.url}/api/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: codes.counter }) });
      expect(enrolled.status).toBe(201);
      device = await enrolled.json();
      const config = await (await fetch(`${first.url}/api/v1/config`, { headers: { Authorization: `Bearer ${device.token}` } })).json();
      // The demo staff arrive with salted hashes only, never the readable demo PIN.
      expect(config.staff.length).toBeGreaterThan(0);
      for (const member of config.staff) {
        expect(member).not.toHaveProperty('pin');
        expect(member.pinHash).toMatch(/^[0-9a-f]{64}$/);
      }

      if (existsSync('dist/index.html')) {
        const page = await fetch(`${first.url}/`);
        expect(page.status).toBe(200);
        expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
      }
    } finally {
      await first.stop();
    }
    expect(first.output()).toContain('SIGTERM: finishing requests');

    const second = await startServerProcess({ DATA_DIR: dataDir, ADMIN_TOKEN: '' });
    try {
      expect(second.output()).not.toMatch(/Enrollment codes/);
      expect(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()).toBe(adminToken);
      const again = await fetch(`${second.url}/api/v1/config`, { headers: { Authorization: `Bearer ${device.token}` } });
      expect(again.status).toBe(200);
      const communes = await (await fetch(`${second.url}/api/v1/admin/communes`, { headers: { Authorization: `Bearer ${adminToken}` } })).json();
      expect(communes).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
