import { beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { goOnline, reloadOffline } from '../support/browser';
import { newTablet, useAppAndChromium } from '../support/e2e';
import { expectAccessible } from '../support/axe';

const { server, browser } = useAppAndChromium();
let context: BrowserContext;
let page: Page;

async function signIn(p: Page, name = 'Nguyễn Thị Lan', pin = '1234') {
  await p.getByRole('radio', { name: new RegExp(name) }).check();
  await p.getByLabel('Mã PIN').fill(pin);
  await p.getByRole('button', { name: 'Đăng nhập' }).click();
  await p.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

beforeAll(async () => {
  context = await newTablet(browser);
  page = await context.newPage();
});

describe('counter tablet, offline', () => {
  it('installs the service worker on first load', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Bàn Một Cửa Thân Thiện' }).waitFor();
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.url}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]') as HTMLLinkElement;
      return (await fetch(link.href)).json();
    });
    expect(manifest.lang).toBe('vi');
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    await expectAccessible(page, 'first run');
    await page.getByRole('button', { name: 'Dùng thử với xã mẫu' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await expectAccessible(page, 'sign-in');
  });

  it('receives a dossier with no connection and keeps it across reloads', async () => {
    await context.setOffline(true);
    await reloadOffline(page);
    await signIn(page);
    await page.getByText('Mất mạng — vẫn làm việc bình thường').waitFor();

    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await expectAccessible(page, 'intake');
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('khai sinh');
    await page.getByRole('radio', { name: /^Đăng ký khai sinh/ }).first().check();
    await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    const required = page.locator('fieldset', { hasText: 'Thành phần hồ sơ đã nhận' }).getByRole('checkbox');
    for (let i = 0; i < (await required.count()); i++) await required.nth(i).check();
    await page.getByRole('switch', { name: /Ngày không viết/ }).check();
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();

    const slip = page.getByRole('article', { name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' });
    await slip.waitFor();
    await expect(slip.getByText('Trần Văn Bình').first().isVisible()).resolves.toBe(true);
    await page.getByRole('img', { name: /Mã QR của hồ sơ/ }).waitFor();
    const code = await slip.locator('.code').innerText();
    await expectAccessible(page, 'receipt slip');
    expect(code).toMatch(/^.+-\d{6}-\d{5,}$/);

    await page.getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await page.getByRole('link', { name: code }).waitFor();
    await expectAccessible(page, 'dossier list');

    await reloadOffline(page);
    await signIn(page);
    await page.getByText('Mất mạng — vẫn làm việc bình thường').waitFor();
    await page.getByRole('searchbox', { name: 'Tìm hồ sơ' }).fill('tran van binh');
    await page.getByRole('link', { name: code }).waitFor();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await expectAccessible(page, 'dossier detail');
    await page.getByRole('link', { name: 'Xem giấy tiếp nhận và hẹn trả' }).click();
    await page.getByRole('img', { name: `Mã QR của hồ sơ ${code}` }).waitFor();
  });

  it('prompts for an update, keeps unsaved input, and updates only when asked', async () => {
    await goOnline(context);
    await page.reload();
    await signIn(page);
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await page.getByLabel('Họ và tên').fill('Lê Thị Chưa Lưu');

    // A new release: the service worker script changes on the server.
    appendFileSync(join(server.root, 'sw.js'), '\n// release 2\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const prompt = page.getByRole('alert').filter({ hasText: 'Đã có phiên bản mới' });
    await prompt.waitFor();
    const apply = prompt.getByRole('button', { name: 'Cập nhật ngay' });
    expect(await apply.isDisabled()).toBe(true);
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Lê Thị Chưa Lưu');

    await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
    expect(await apply.isEnabled()).toBe(true);
    await Promise.all([page.waitForEvent('load'), apply.click()]);
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    const active = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(reg?.waiting), controlled: Boolean(navigator.serviceWorker.controller) };
    });
    expect(active).toEqual({ waiting: false, controlled: true });
    await signIn(page);
    await page.getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    await page.getByRole('searchbox', { name: 'Tìm hồ sơ' }).fill('binh');
    await page.getByRole('cell', { name: 'Trần Văn Bình' }).waitFor();
  });
});
