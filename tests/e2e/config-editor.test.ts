import { describe, expect, it } from 'vitest';
import { goOnline, reloadOffline } from '../support/browser';
import { newTablet, useServerAndChromium } from '../support/e2e';
import { expectAccessible } from '../support/axe';

const { s, browser } = useServerAndChromium();

// Issue 17, checked end to end: the configuration edited in the dashboard reaches a tablet, which
// then works offline with it.
describe('configuration edited in the dashboard reaches the tablets', () => {
  it("a commune user adds an officer and next year's holidays; the tablet refreshes, the officer signs in offline, the due date skips the holiday", async () => {
    const commune = await s.createCommune();
    const year = new Date().getFullYear() + 1;
    const password = 'mật-khẩu-của-xã-2027';

    // A counter tablet of the new commune, enrolled while its staff list is still empty, then offline.
    const tabletContext = await newTablet(browser, { bypassCSP: false });
    const tablet = await tabletContext.newPage();
    await tablet.goto(s.url);
    await tablet.getByLabel('Mã đăng ký thiết bị').fill(await s.enrollmentCode(commune.id));
    await tablet.getByRole('button', { name: 'Đăng ký máy' }).click();
    await tablet.getByRole('alert').filter({ hasText: 'Xã chưa có danh sách cán bộ' }).waitFor();
    await tablet.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await tabletContext.setOffline(true);

    // The admin makes the commune's account.
    const admin = await browser.newPage({ viewport: { width: 800, height: 1280 } });
    await admin.goto(`${s.url}/#/admin`);
    await admin.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(s.adminToken);
    await admin.getByRole('button', { name: 'Vào trang quản trị' }).click();
    const accounts = admin.getByRole('region', { name: 'Tài khoản' });
    await accounts.getByLabel('Tên đăng nhập').fill('xa.cau.hinh');
    await accounts.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(password);
    await accounts.getByLabel('Vai trò').selectOption({ label: 'Cấp xã' });
    await accounts.getByLabel('Xã của tài khoản').selectOption({ label: `${commune.name} — Tỉnh Thử` });
    await accounts.getByRole('button', { name: 'Tạo tài khoản mới' }).click();
    await accounts.getByRole('status').filter({ hasText: 'Đã tạo tài khoản xa.cau.hinh.' }).waitFor();
    await admin.getByRole('button', { name: 'Thoát' }).click();

    // That user signs in and adds an officer (a tablet portrait screen).
    await admin.getByLabel('Tên đăng nhập').fill('xa.cau.hinh');
    await admin.getByLabel('Mật khẩu').fill(password);
    await admin.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const editor = admin.getByRole('region', { name: 'Cấu hình của xã' });
    await editor.getByRole('button', { name: 'Cán bộ', exact: true }).click();
    await editor.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await editor.getByRole('textbox', { name: 'Họ và tên cán bộ 1' }).fill('Hoàng Thị Mới');
    await editor.getByRole('textbox', { name: 'Chức danh của Hoàng Thị Mới' }).fill('Công chức Văn phòng - Thống kê');
    await editor.getByLabel('Mã PIN mới của Hoàng Thị Mới').fill('246810');
    await expectAccessible(admin, 'config editor: staff');
    await editor.getByRole('button', { name: 'Lưu Cán bộ' }).click();
    await editor.getByRole('status').filter({ hasText: 'Đã lưu Cán bộ' }).waitFor();

    // … and next year's holidays, pasted as announced.
    await editor.getByRole('button', { name: 'Lịch làm việc', exact: true }).click();
    await editor.getByLabel('Thêm vào').selectOption('holidays');
    await editor.getByRole('textbox', { name: 'Mỗi dòng một ngày: dd/mm/yyyy tên ngày nghỉ' }).fill(`03/03/${year} Ngày nghỉ của xã\n04/03/${year} Ngày nghỉ của xã (bù)`);
    await editor.getByRole('button', { name: 'Thêm các ngày đã dán' }).click();
    // The preview computes with the draft: received 2 March, 2 working days → Monday 8 March.
    await editor.getByLabel('Ngày tiếp nhận').fill(`${year}-03-02`);
    await editor.getByLabel('Số ngày làm việc').fill('2');
    await editor.getByRole('status', { name: 'Xem thử ngày hẹn trả' }).filter({ hasText: `08/03/${year}` }).waitFor();
    await expectAccessible(admin, 'config editor: calendar');
    for (const name of ['Lưu Lịch làm việc', 'Thêm các ngày đã dán', 'Cán bộ']) {
      expect((await editor.getByRole('button', { name, exact: true }).boundingBox())!.height).toBeGreaterThanOrEqual(48);
    }
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await editor.getByRole('button', { name: 'Lưu Lịch làm việc' }).click();
    await editor.getByRole('status').filter({ hasText: 'Đã lưu Lịch làm việc' }).waitFor();
    // Every part's editor: accessible, and every control a touch target, on a portrait tablet.
    for (const part of ['Thủ tục', 'Bộ tiêu chí', 'Mẫu thư', 'Phiếu đánh giá', 'Cài đặt', 'Mã kiosk']) {
      await editor.getByRole('button', { name: part, exact: true }).click();
      await editor.getByRole('button', { name: `Lưu ${part}` }).waitFor();
      await expectAccessible(admin, `config editor: ${part}`);
      const small = await editor.evaluate((root) =>
        [...root.querySelectorAll('button, select, textarea, input:not([type=checkbox])')]
          .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height < 48)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(small, part).toEqual([]);
    }
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    // Both saves are in the change log under the commune user's name.
    await admin.getByRole('table', { name: 'Nhật ký thay đổi' }).getByRole('row').filter({ hasText: 'xa.cau.hinh' }).filter({ hasText: 'Lịch làm việc' }).waitFor();

    // The tablet comes online and refreshes its config: the new officer is on its sign-in screen.
    await goOnline(tabletContext);
    await tablet.getByRole('radio', { name: /Hoàng Thị Mới/ }).waitFor({ timeout: 60_000 });

    // Offline again, after a reload: the officer signs in with the PIN set in the dashboard.
    await tabletContext.setOffline(true);
    await reloadOffline(tablet);
    // The tablet's day: 2 March next year, 08:00 in Vietnam (only the page's clock moves).
    await tablet.clock.setFixedTime(new Date(`${year}-03-02T08:00:00+07:00`));
    await tablet.getByRole('radio', { name: /Hoàng Thị Mới/ }).check();
    await tablet.getByLabel('Mã PIN').fill('246810');
    await tablet.getByRole('button', { name: 'Đăng nhập' }).click();
    await tablet.getByRole('button', { name: 'Đăng xuất' }).waitFor();

    await tablet.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await tablet.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('chung thuc di chuc');
    await tablet.getByRole('radio', { name: /^Chứng thực di chúc/ }).check();
    // 2 working days from Tuesday 2 March: Wednesday and Thursday are the new holidays → Monday 8 March.
    const due = tablet.locator('.due-preview');
    await due.filter({ hasText: `08/03/${year}` }).waitFor();
    expect(await due.innerText()).not.toContain(`04/03/${year}`);
    await tabletContext.close();
    await admin.close();
  });
});

describe('communes in scope', () => {
  it("a province user's commune picker lists its province's communes only, and the editor opens on them", async () => {
    const inProvince = await (await s.admin('POST', '/api/v1/admin/communes', { code: 'PV-1', name: 'Xã Trong Tỉnh', province: 'Tỉnh Phạm Vi' })).json();
    await s.admin('POST', '/api/v1/admin/communes', { code: 'PV-2', name: 'Xã Tỉnh Khác', province: 'Tỉnh Ngoài' });
    const password = 'mật-khẩu-của-tỉnh-2027';
    expect((await s.admin('POST', '/api/v1/admin/users', { username: 'tinh.pham.vi', password, role: 'province', province: 'Tỉnh Phạm Vi' })).status).toBe(201);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${s.url}/#/admin`);
    await page.getByLabel('Tên đăng nhập').fill('tinh.pham.vi');
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const picker = page.getByRole('combobox', { name: 'Xã' }).first();
    await picker.waitFor();
    expect(await picker.locator('option').allInnerTexts()).toEqual([`${inProvince.name} — Tỉnh Phạm Vi`]);
    const editor = page.getByRole('region', { name: 'Cấu hình của xã' });
    await editor.getByRole('button', { name: 'Cài đặt', exact: true }).click();
    await editor.getByRole('textbox', { name: 'Tự khóa máy khi không dùng (phút)' }).fill('10');
    await editor.getByRole('button', { name: 'Lưu Cài đặt' }).click();
    await editor.getByRole('status').filter({ hasText: 'Đã lưu Cài đặt' }).waitFor();
    const saved = await (await s.admin('GET', `/api/v1/admin/communes/${inProvince.id}/config/settings`)).json();
    expect(saved.idleLockMinutes).toBe(10);
    await page.close();
  });
});
