// Takes the home-service pictures in docs/ (a mobile tablet in portrait; the day plan and the visit
// in landscape too):  npx tsx scripts/screenshots-home.ts
import { launchChromium } from '../tests/support/browser';
import { startTestServer } from '../tests/support/test-server';
import { enrollAndSignIn } from '../tests/support/counter-page';
import { drawSignature, planVisitToday, registerClient } from '../tests/support/home-page';
import { addDaysToKey, vnDateKey } from '../src/domain';
import type { Page } from 'playwright-core';

/** The screen as it is, upright, then turned (1280×800), then upright again. */
async function bothWays(page: Page, name: string) {
  await page.screenshot({ path: `docs/${name}-portrait.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `docs/${name}-landscape.png` });
  await page.setViewportSize({ width: 800, height: 1280 });
}

const s = await startTestServer({ db: 'pglite', distDir: 'dist' });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', deviceScaleFactor: 1, hasTouch: true });
  const page = await context.newPage();
  await page.goto(s.url);
  await enrollAndSignIn(page, await s.enrollmentCode(s.demoCommuneId, 'mobile'));
  const people = [
    { name: 'Bà Nguyễn Thị Tư', village: 'Thôn Đông', address: 'Số 12, xóm 2', phone: '0912345678' },
    { name: 'Ông Lê Văn An', village: 'Thôn Bắc', address: 'Xóm Giữa', phone: '0987654321' },
    { name: 'Bà Trần Thị Bình', village: 'Thôn Nam', address: 'Số 3, xóm Chùa' },
  ];
  for (const [i, person] of people.entries()) {
    await registerClient(page, person);
    if (i < 2) await planVisitToday(page, i === 0 ? 'Chứng thực' : 'Tiếp nhận hồ sơ');
    else {
      // A visit planned for two days ago that nobody recorded: the plan shows it as overdue.
      await page.getByLabel('Ngày thăm').fill(addDaysToKey(vnDateKey(new Date()), -2));
      await page.getByRole('button', { name: 'Lên lịch' }).click();
    }
  }
  await page.getByRole('heading', { name: 'Lịch thăm hôm nay' }).waitFor();
  await bothWays(page, 'home-plan');
  await page.getByRole('link', { name: 'Người cần phục vụ tại nhà' }).first().click();
  await page.getByRole('searchbox').fill('nguyen thi');
  await page.screenshot({ path: 'docs/home-registry-portrait.png' });
  await page.getByRole('link', { name: 'Lịch thăm trong ngày' }).click();
  await page.getByRole('link', { name: /Bà Nguyễn Thị Tư/ }).click();
  await page.getByRole('button', { name: 'Đã đến nhà' }).click();
  await bothWays(page, 'home-visit');
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ tại nhà' }).click();
  await page.getByRole('radio', { name: /^Chứng thực chữ ký/ }).first().check();
  const canvas = page.getByRole('img', { name: /^Khung ký tên của/ });
  await drawSignature(page, canvas);
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'docs/home-signature-portrait.png' });
} finally {
  await browser.close();
  await s.close();
}
