import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newTablet as newTabletContext, openApp, useServerAndChromium } from '../support/e2e';
import { enrollAndSignIn, receiveDossier } from '../support/counter-page';

const { s, browser } = useServerAndChromium();
const contexts: BrowserContext[] = [];

async function newTablet(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newTabletContext(browser, { bypassCSP: false });
  contexts.push(context);
  const page = await context.newPage();
  await openApp(page, s.url);
  return { context, page };
}

describe('tablets and the real server', () => {
  it('records offline, survives closing the page, syncs when back online, and the commune’s other tablet sees it', async () => {
    const commune = await s.createCommune('E2E');
    await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/staff`, [{ id: 'staff-lan', name: 'Nguyễn Thị Lan', title: 'Công chức', pin: '1234' }]);
    const names = ['Vũ Thị Hạnh', 'Đặng Văn Khoa', 'Bùi Thị Loan'];

    const a = await newTablet();
    await enrollAndSignIn(a.page, await s.enrollmentCode(commune.id));
    await a.context.setOffline(true);
    for (const name of names) await receiveDossier(a.page, name);
    await a.page.getByText('3 thay đổi chờ gửi').waitFor();

    // Close the page and open it again, still offline: everything is still there.
    await a.page.close();
    a.page = await a.context.newPage();
    await a.page.goto(s.url);
    await a.page.getByRole('radio', { name: /Nguyễn Thị Lan/ }).check();
    await a.page.getByLabel('Mã PIN').fill('1234');
    await a.page.getByRole('button', { name: 'Đăng nhập' }).click();
    for (const name of names) await a.page.getByRole('cell', { name }).waitFor();
    const { rows: none } = await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM ops WHERE commune_id = $1', [commune.id]);
    expect(Number(none[0].n)).toBe(0);

    // Back online: the outbox drains by itself.
    await a.context.setOffline(false);
    await a.page.getByText('0 thay đổi chờ gửi').waitFor({ timeout: 30_000 });
    const { rows } = await s.sql.query<{ name: string }>(
      "SELECT data->'applicant'->>'name' AS name FROM ops WHERE commune_id = $1 AND type = 'dossier.received' ORDER BY seq",
      [commune.id],
    );
    expect(rows.map((r) => r.name)).toEqual(names);
    await a.page.getByText(/Đồng bộ lần cuối/).waitFor();

    // A second tablet of the same commune pulls them.
    const b = await newTablet();
    await enrollAndSignIn(b.page, await s.enrollmentCode(commune.id));
    for (const name of names) await b.page.getByRole('cell', { name }).waitFor({ timeout: 30_000 });
    const codesA = await a.page.locator('tbody a').allInnerTexts();
    const codesB = await b.page.locator('tbody a').allInnerTexts();
    expect(codesB.sort()).toEqual(codesA.sort());

    // A tablet of another commune does not.
    const other = await s.createCommune('OTHER');
    await s.admin('PUT', `/api/v1/admin/communes/${other.id}/config/staff`, [{ id: 'staff-lan', name: 'Nguyễn Thị Lan', title: 'Công chức', pin: '1234' }]);
    const c = await newTablet();
    await enrollAndSignIn(c.page, await s.enrollmentCode(other.id));
    await c.page.getByText(/Đồng bộ lần cuối/).waitFor({ timeout: 30_000 });
    await c.page.getByRole('button', { name: 'Tất cả' }).click();
    await c.page.getByText('Không có hồ sơ nào.').waitFor();
  });

  it('locks a revoked tablet and offers the export of what it could not send', async () => {
    const t = await newTablet();
    const code = await s.enrollmentCode(s.demoCommuneId);
    await enrollAndSignIn(t.page, code);
    await t.context.setOffline(true);
    await receiveDossier(t.page, 'Ngô Văn Phúc');
    const devices = await (await s.admin('GET', `/api/v1/admin/devices?communeId=${s.demoCommuneId}`)).json();
    const newest = devices.sort((x: { deviceNo: number }, y: { deviceNo: number }) => y.deviceNo - x.deviceNo)[0];
    await s.admin('POST', `/api/v1/admin/devices/${newest.id}/revoke`);
    await t.context.setOffline(false);
    await t.page.getByRole('heading', { name: 'Máy tính bảng này đã bị thu hồi' }).waitFor({ timeout: 30_000 });
    // The file holds citizens' data: a staff PIN first (issue 12 part 5).
    await t.page.getByRole('button', { name: 'Xuất các thay đổi chưa gửi' }).click();
    await t.page.getByRole('dialog').getByLabel('Mã PIN').fill('1234');
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.getByRole('button', { name: 'Mở khóa' }).click()]);
    const file = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    expect(file.ops).toHaveLength(1);
    expect(file.ops[0].data.applicant.name).toBe('Ngô Văn Phúc');
  });
});
