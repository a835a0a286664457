import { describe, expect, it } from 'vitest';
import { useServerAndChromium } from '../support/e2e';
import { push, receivedOp, surveyOp, transitionOp } from '../support/ops';

const { s, browser } = useServerAndChromium();

describe('central dashboard', () => {
  it('signs in with the admin token, issues codes, shows tablets with gaps, figures and a chart, revokes', async () => {
    const device = await s.newDevice(s.demoCommuneId);
    const kiosk = await s.newDevice(s.demoCommuneId, 'kiosk');
    const today = new Date().toISOString();
    const a = receivedOp(1, { data: { receivedAt: today } });
    await push(s.url, device.token, device.deviceId, [a, receivedOp(2, { data: { receivedAt: today } }), transitionOp(5, a.entityId, 'start-processing')]);
    await push(s.url, kiosk.token, kiosk.deviceId, [surveyOp(1, 'very-satisfied', {}), surveyOp(2, 'not-satisfied')]);
    const onlyPulls = await s.newDevice(s.demoCommuneId, 'kiosk');
    await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${onlyPulls.token}` } });
    // The tablet says it holds ops up to deviceSeq 8: 6–8 were never sent.
    await fetch(`${s.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ protocol: 1, deviceId: device.deviceId, ops: [], lastDeviceSeq: 8 }),
    });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${s.url}/#/admin`);
    await page.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill('wrong');
    await page.getByRole('button', { name: 'Vào trang quản trị' }).click();
    await page.getByText('Mã quản trị không đúng.').waitFor();
    await page.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(s.adminToken);
    await page.getByRole('button', { name: 'Vào trang quản trị' }).click();
    await page.getByRole('heading', { name: 'Máy tính bảng' }).waitFor();

    await page.getByRole('button', { name: 'Cấp mã cho máy quầy' }).click();
    const issued = await page.getByRole('status').filter({ hasText: 'Mã đăng ký máy quầy' }).locator('.code').innerText();
    expect(issued).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
    expect((await s.enroll(issued)).kind).toBe('counter');
    // The same code as a QR for a tablet's camera: the encoder's own picture of that text.
    const qr = page.getByRole('img', { name: 'Mã QR đăng ký ' + issued });
    await qr.waitFor();
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(200);
    const { toString } = await import('qrcode');
    const expectedSvg = await toString(issued, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    expect(decodeURIComponent((await qr.getAttribute('src'))!.replace('data:image/svg+xml;utf8,', ''))).toBe(expectedSvg);

    // Rows of the tablets' section: the figures' tables have rows that start with a number too.
    const tablets = page.getByRole('region', { name: 'Máy tính bảng' });
    const row = tablets.getByRole('row', { name: new RegExp(`^${device.deviceNo} `) });
    await row.getByRole('cell', { name: '3–4' }).waitFor(); // the deviceSeq numbers never received
    await row.getByRole('cell', { name: '3 thao tác chưa gửi' }).waitFor();
    await page.getByRole('img', { name: 'Hồ sơ theo tiến độ giải quyết' }).waitFor();
    // satisfaction: 1 of 2 (the settlement table's row; the satisfaction tables show 50 % shares too)
    await page.getByRole('table', { name: 'Tình hình giải quyết hồ sơ' }).getByRole('row', { name: /^Tỷ lệ hài lòng/ }).getByText('50%', { exact: true }).waitFor();

    // A tablet that only fetched its config has been in contact too.
    const kioskRow = tablets.getByRole('row', { name: new RegExp(`^${onlyPulls.deviceNo} `) });
    expect(await kioskRow.getByRole('cell').nth(2).innerText()).not.toBe('Chưa liên lạc');

    // Portrait: rows stack, and every cell still shows its header; nothing runs off the screen.
    await page.setViewportSize({ width: 800, height: 1280 });
    const labels = await row.getByRole('cell').evaluateAll((cells) => cells.map((c) => getComputedStyle(c, '::before').content));
    expect(labels.slice(0, 5)).toEqual(['"Số máy" / ""', '"Loại máy" / ""', '"Liên lạc lần cuối" / ""', '"Số thao tác" / ""', '"Thao tác bị thiếu" / ""']);
    await page.getByRole('columnheader', { name: 'Liên lạc lần cuối' }).waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await page.setViewportSize({ width: 1280, height: 800 });

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: `Thu hồi máy số ${device.deviceNo}` }).click();
    await row.getByText('Đã thu hồi').waitFor();
    expect((await push(s.url, device.token, device.deviceId, [])).status).toBe(401);
  });
});

describe('central accounts in the dashboard', () => {
  it('the admin makes a commune account; that user signs in with a username, sees its scope and its own changes in the log, and signs out', async () => {
    const commune = await s.createCommune();
    const password = 'mật-khẩu-của-xã-2026';

    const page = await browser.newPage({ viewport: { width: 800, height: 1280 } });
    await page.goto(`${s.url}/#/admin`);
    await page.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(s.adminToken);
    await page.getByRole('button', { name: 'Vào trang quản trị' }).click();
    await page.getByRole('status', { name: 'Người đang đăng nhập' }).filter({ hasText: 'Mã quản trị gốc (ADMIN_TOKEN) · toàn quyền' }).waitFor();
    const accounts = page.getByRole('region', { name: 'Tài khoản' });
    await accounts.getByLabel('Tên đăng nhập').fill('can.bo.xa');
    await accounts.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(password);
    await accounts.getByLabel('Vai trò').selectOption({ label: 'Cấp xã' });
    await accounts.getByLabel('Xã của tài khoản').selectOption({ label: `${commune.name} — Tỉnh Thử` });
    await accounts.getByRole('button', { name: 'Tạo tài khoản mới' }).click();
    await accounts.getByRole('status').filter({ hasText: 'Đã tạo tài khoản can.bo.xa.' }).waitFor();
    await page.getByRole('button', { name: 'Thoát' }).click();

    await page.getByLabel('Tên đăng nhập').fill('can.bo.xa');
    await page.getByLabel('Mật khẩu').fill('not the password');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    // Who, and the scope: only its own commune to choose from.
    await page.getByRole('status', { name: 'Người đang đăng nhập' }).filter({ hasText: `Đăng nhập: can.bo.xa · cấp xã: ${commune.name}` }).waitFor();
    const options = await page.getByRole('combobox', { name: 'Xã' }).first().locator('option').allInnerTexts();
    expect(options).toEqual([`${commune.name} — Tỉnh Thử`]);

    // A change of its own shows in the change log, with who did it.
    await page.getByRole('button', { name: 'Cấp mã cho máy kiosk đánh giá' }).click();
    await page.getByRole('status').filter({ hasText: 'Mã đăng ký máy kiosk đánh giá' }).waitFor();
    const log = page.getByRole('table', { name: 'Nhật ký thay đổi' });
    await log.getByRole('row').filter({ hasText: 'Cấp mã đăng ký máy' }).filter({ hasText: 'can.bo.xa' }).filter({ hasText: 'máy kiosk đánh giá' }).waitFor();
    // The commune's own account was made by the root token; filtered by who, only the user's changes stay.
    await log.getByRole('row').filter({ hasText: 'Tạo tài khoản' }).filter({ hasText: 'Mã quản trị gốc (ADMIN_TOKEN)' }).waitFor();
    await page.getByLabel('Người thực hiện').fill('can.bo.xa');
    await log.getByRole('row').filter({ hasText: 'Tạo tài khoản' }).waitFor({ state: 'detached' });
    expect(await log.getByRole('row').filter({ hasText: 'can.bo.xa' }).count()).toBe(1);

    // The password sign-in and the token sign-in both fit a tablet's touch targets.
    const token = await page.evaluate(() => sessionStorage.getItem('friendly-desk.admin-token'));
    await page.getByRole('button', { name: 'Thoát' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập bằng tài khoản' }).waitFor();
    for (const name of ['Đăng nhập', 'Vào trang quản trị']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(48);
    }
    // Signing out ended the session on the server.
    expect((await fetch(`${s.url}/api/v1/admin/communes`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    await page.close();
  });
});
