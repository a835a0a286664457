import type { Locator, Page } from 'playwright-core';
import { vnDateKey } from '../../src/domain';

// What a home-visit officer does on the mobile tablet, step by step (the e2e test and the README
// pictures both walk through it).

/** Register a person on the home-service list from the registry screen; ends on their page. */
export async function registerClient(page: Page, c: { name: string; village: string; address: string; phone?: string }) {
  await page.getByRole('link', { name: 'Người cần phục vụ tại nhà' }).first().click();
  await page.getByRole('link', { name: 'Thêm người' }).click();
  await page.getByLabel('Họ và tên').fill(c.name);
  await page.getByLabel('Thôn, xóm').fill(c.village);
  await page.getByLabel('Địa chỉ').fill(c.address);
  if (c.phone) await page.getByLabel('Số điện thoại', { exact: true }).fill(c.phone);
  await page.getByRole('checkbox', { name: 'Người dân đồng ý để xã lưu thông tin này' }).check();
  await page.getByRole('button', { name: 'Lưu vào danh sách' }).click();
  await page.getByRole('heading', { name: c.name }).waitFor();
}

/** On a person's page: plan a visit for today, with the dossier whose result is taken there and a letter to hand over. */
export async function planVisitToday(page: Page, purpose: string, dossierCode?: string, letter?: string) {
  await page.getByLabel('Ngày thăm').fill(vnDateKey(new Date()));
  await page.getByLabel('Mục đích').selectOption({ label: purpose });
  if (dossierCode) {
    const select = page.getByLabel('Hồ sơ mang theo');
    await select.locator('option', { hasText: dossierCode }).waitFor({ state: 'attached', timeout: 30_000 });
    await select.selectOption({ label: dossierCode });
  }
  if (letter) {
    const option = page.getByLabel('Thư mang theo').locator('option', { hasText: letter });
    await option.waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByLabel('Thư mang theo').selectOption((await option.getAttribute('value'))!);
  }
  await page.getByRole('button', { name: 'Lên lịch' }).click();
  await page.getByRole('heading', { name: 'Lịch thăm hôm nay' }).waitFor();
}

/** A few strokes with the finger (the mouse here) on a signature box. */
export async function drawSignature(page: Page, canvas: Locator) {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  for (const stroke of [[[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.35], [0.5, 0.65]], [[0.55, 0.5], [0.7, 0.4], [0.85, 0.55]]]) {
    await page.mouse.move(...at(stroke[0][0], stroke[0][1]));
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(...at(x, y), { steps: 8 });
    await page.mouse.up();
  }
}

/** On the visit: receive a dossier of `procedure` (search words) with every document and a drawn signature. */
export async function receiveAtHome(page: Page, procedure: string, procedureName: RegExp) {
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ tại nhà' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill(procedure);
  await page.getByRole('radio', { name: procedureName }).first().check();
  const docs = page.locator('fieldset', { hasText: 'Thành phần hồ sơ đã nhận' }).getByRole('checkbox');
  for (let i = 0; i < (await docs.count()); i++) await docs.nth(i).check();
  await drawSignature(page, page.getByRole('img', { name: /^Khung ký tên của/ }));
  await page.getByRole('status').filter({ hasText: 'Đã ký' }).waitFor();
}
