import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newTablet, useAppAndChromium } from '../support/e2e';

const { server, browser } = useAppAndChromium();
let page: Page;

beforeAll(async () => {
  page = await (await newTablet(browser, { viewport: { width: 800, height: 1280 } })).newPage();
});

describe('PIN lockout in Chromium', () => {
  it('locks sign-in after five wrong PINs, and a reload does not unlock it', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Dùng thử với xã mẫu' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await page.getByRole('radio', { name: /Nguyễn Thị Lan/ }).check();
    const pin = page.getByLabel('Mã PIN', { exact: true });
    for (let i = 0; i < 4; i++) {
      await pin.fill('999999');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('alert').filter({ hasText: 'Mã PIN không đúng' }).waitFor();
      await expect.poll(() => pin.inputValue()).toBe('');
    }
    await pin.fill('999999');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: /thử lại sau \d+ giây/ }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await page.getByRole('alert').filter({ hasText: /thử lại sau \d+ giây/ }).waitFor();
    await page.getByRole('radio', { name: /Nguyễn Thị Lan/ }).check();
    await page.getByLabel('Mã PIN', { exact: true }).fill('1234');
    expect(await page.getByRole('button', { name: 'Đăng nhập' }).isDisabled()).toBe(true);
    const stored = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('friendly-desk');
          open.onsuccess = () => {
            const get = open.result.transaction('meta').objectStore('meta').get('pinLockout');
            get.onsuccess = () => resolve(get.result?.value);
          };
        }),
    );
    expect(stored).toMatchObject({ failures: 5, lockedUntil: expect.any(Number) });
  });
});
