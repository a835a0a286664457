// Takes the README pictures of the papers (forms 02–07) and letters in docs/ from the real app:
//   npx vite build && npx tsx scripts/screenshots-papers.ts
import { launchChromium } from '../tests/support/browser';
import { startTestServer } from '../tests/support/test-server';
import { enrollAndSignIn } from '../tests/support/counter-page';
import { act, openDossier, receive } from '../tests/support/papers-page';
import type { Page } from 'playwright-core';
import { vnDateKey } from '../src/domain/time';

const s = await startTestServer({ db: 'pglite', distDir: 'dist' });
const browser = await launchChromium();
const shotOf = (page: Page, name: string) => page.locator('article.paper').screenshot({ path: `docs/${name}.png` });

async function issueLetter(page: Page, link: string, recipient?: string, occasion?: string) {
  await page.getByRole('link', { name: link }).click();
  if (recipient) await page.getByLabel('Người nhận', { exact: true }).fill(recipient);
  if (occasion) await page.getByLabel('Nhân dịp', { exact: true }).fill(occasion);
  await page.getByRole('button', { name: 'Phát hành thư' }).click();
  await page.locator('article.paper').waitFor();
  await page.evaluate(() => document.fonts.ready);
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(s.url);
  await enrollAndSignIn(page, await s.enrollmentCode(s.demoCommuneId));

  // Forms 02, 04, 06: a dossier handed over, asked for a supplement, then apologised for.
  const hoa = await receive(page, 'Đăng ký lại khai sinh', 'Nguyễn Thị Hòa');
  await openDossier(page, hoa);
  await act(page, 'Bàn giao hồ sơ', async () => void (await page.getByLabel('Cán bộ nhận').selectOption({ label: 'Trần Văn Minh' })));
  await act(page, 'Yêu cầu bổ sung', async () => {
    await page.locator('.action-form .choice').nth(1).click();
    await page.getByLabel('Giấy tờ khác').fill('Giấy xác nhận cư trú');
  });
  await act(page, 'Nhận bổ sung');
  await act(page, 'Chuyển xử lý');
  const due = await page.locator('dt:has-text("Hẹn trả") + dd').innerText();
  const [d, m, y] = due.split(' ')[1].split('/');
  const later = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + 7, 5));
  await act(page, 'Xin lỗi và hẹn lại', async () => {
    await page.getByLabel('Ngày hẹn trả mới').fill(vnDateKey(later));
    await page.getByLabel('Lý do').fill('cần xác minh thêm thông tin với Công an xã');
  });
  for (const [form, name] of [['02', 'In phiếu yêu cầu bổ sung (mẫu 02)'], ['04', 'In phiếu xin lỗi và hẹn lại (mẫu 04)'], ['06', 'In phiếu kiểm soát (mẫu 06)']]) {
    await page.getByRole('link', { name }).first().click();
    await shotOf(page, `paper-${form}`);
    await page.getByRole('link', { name: 'Quay lại hồ sơ' }).click();
  }
  await issueLetter(page, 'Soạn thư xin lỗi');
  await shotOf(page, 'letter-apology');

  // Form 03: refused.
  const binh = await receive(page, 'Chứng thực chữ ký', 'Phạm Văn Bình');
  await openDossier(page, binh);
  await act(page, 'Từ chối', () => page.getByLabel('Lý do').fill('Giấy tờ tùy thân đã hết hạn sử dụng'));
  await page.getByRole('status').getByRole('link', { name: 'In phiếu từ chối (mẫu 03)' }).click(); // offered at once
  await shotOf(page, 'paper-03');

  // Form 05: stopped.
  const an = await receive(page, 'Đăng ký lại kết hôn', 'Trần Văn An');
  await openDossier(page, an);
  await act(page, 'Chuyển xử lý');
  await act(page, 'Dừng xử lý', () => page.getByLabel('Lý do').fill('Công dân đề nghị dừng để bổ sung giấy tờ ở nơi cư trú cũ'));
  await page.getByRole('link', { name: 'In thông báo dừng giải quyết (mẫu 05)' }).first().click();
  await shotOf(page, 'paper-05');

  // Letters a registration calls for.
  for (const [procedure, name, link, file] of [
    ['Đăng ký khai tử', 'Lê Thị Mai', 'Soạn thư chia buồn', 'letter-condolence'],
    ['Đăng ký khai sinh', 'Đỗ Văn Phúc', 'Soạn thư chúc mừng', 'letter-congratulation'],
  ]) {
    const code = await receive(page, procedure, name);
    await openDossier(page, code);
    for (const action of ['Chuyển xử lý', 'Đã có kết quả', 'Trả kết quả']) await act(page, action);
    await issueLetter(page, link);
    await shotOf(page, file);
  }

  // Letters without a dossier.
  await page.getByRole('link', { name: 'Thư', exact: true }).click();
  await issueLetter(page, 'Thư không theo hồ sơ: Thư cảm ơn', 'Nguyễn Văn Sáu');
  await shotOf(page, 'letter-thanks');
  await page.getByRole('link', { name: 'Thư', exact: true }).click();
  await issueLetter(page, 'Thư không theo hồ sơ: Thư mừng thọ', 'Lê Văn Thọ', 'mừng thọ 80 tuổi');
  await shotOf(page, 'letter-longevity');

  await page.getByRole('link', { name: 'Thư', exact: true }).click();
  await page.getByRole('heading', { name: 'Thư của xã' }).waitFor();
  await page.screenshot({ path: 'docs/letters-list.png', fullPage: true });

  await page.getByRole('link', { name: 'Sổ theo dõi' }).click();
  await page.getByRole('cell', { name: 'Lê Thị Mai' }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  await shotOf(page, 'paper-07');
  console.log('docs/paper-*.png, docs/letter-*.png, docs/letters-list.png written');
} finally {
  await browser.close();
  await s.close();
}
