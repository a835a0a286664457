import type { Page } from 'playwright-core';

/** Enroll the page's tablet with a code and sign in as the demo clerk. */
export async function enrollAndSignIn(page: Page, code: string) {
  await page.getByLabel('Mã đăng ký thiết bị').fill(code);
  await page.getByRole('button', { name: 'Đăng ký máy' }).click();
  await signIn(page, 'Nguyễn Thị Lan', '1234');
}

/** On the sign-in screen: sign in as a demo officer (by name) with the PIN. */
export async function signIn(page: Page, name: string, pin: string) {
  await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await page.getByLabel('Mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** Receive a signature-certification dossier with every document ticked; ends on its slip. */
export async function receiveDossier(page: Page, name: string) {
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('chung thuc chu ky');
  await page.getByRole('radio', { name: /^Chứng thực chữ ký/ }).check();
  await page.getByLabel('Họ và tên').fill(name);
  const docs = page.locator('fieldset', { hasText: 'Thành phần hồ sơ đã nhận' }).getByRole('checkbox');
  for (let i = 0; i < (await docs.count()); i++) await docs.nth(i).check();
  await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
  await page.getByRole('heading', { name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' }).waitFor();
}
