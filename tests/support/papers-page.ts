import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';

/** Receive a dossier of the procedure named `procedure`, every document ticked; ends on its slip and returns its code. */
export async function receive(page: Page, procedure: string, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill(procedure);
  await page.getByRole('radio', { name: new RegExp(`^${procedure}`) }).first().check();
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Địa chỉ').fill('Thôn Đông, xã Tân Lập');
  const docs = page.locator('fieldset', { hasText: 'Thành phần hồ sơ đã nhận' }).getByRole('checkbox');
  for (let i = 0; i < (await docs.count()); i++) await docs.nth(i).check();
  await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
  const slip = page.getByRole('article', { name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' });
  await slip.waitFor();
  return slip.locator('.code').innerText();
}

/** From the slip or anywhere: open the dossier's detail. */
export async function openDossier(page: Page, code: string) {
  await page.goto(`${new URL(page.url()).origin}/#/`);
  await page.getByRole('button', { name: 'Tất cả' }).click();
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
}

/** Do a dossier action on its detail page; `fill` completes the action's form before confirming. */
export async function act(page: Page, action: string, fill?: () => Promise<void>) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await fill?.();
  // Returning before the appointment asks whether the citizen was told.
  const told = page.getByRole('checkbox', { name: 'Đã báo trước cho công dân về việc trả kết quả sớm' });
  if (await told.isVisible()) await told.check();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('form', { name: action }).waitFor({ state: 'detached' });
}

/** The page printed as Chromium prints it (CSS page size), with its text, page count and page size in mm. */
export async function printPdf(page: Page) {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const [, , w, h] = (await doc.getPage(1)).view;
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  const mm = (pt: number) => Math.round((pt * 25.4) / 72);
  return { text, pages: totalPages, size: [mm(w), mm(h)], raw: Buffer.from(pdf).toString('latin1') };
}

/** Every control on screen (not the paper itself) is at least 48 px tall: tablets are used by touch. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main a, main input, main select, main textarea, main .choice')]
      // A radio or checkbox is touched through its .choice label, which is measured instead.
      .filter((el) => el.offsetParent !== null && !el.closest('.paper-body') && !(el instanceof HTMLInputElement && el.closest('.choice')))
      .filter((el) => el.getBoundingClientRect().height < 48)
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}
