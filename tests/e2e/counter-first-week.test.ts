import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newTablet, useServerAndChromium } from '../support/e2e';
import { enrollAndSignIn, receiveDossier } from '../support/counter-page';
import { expectAccessible } from '../support/axe';
import { act } from '../support/papers-page';

const { s, browser } = useServerAndChromium();

const newPage = async (viewport = { width: 1280, height: 800 }) =>
  (await newTablet(browser, { viewport })).newPage();

/** Dotted i18n keys left on screen ("admin.link", "list.filter.open"): in text, labels, placeholders, alt texts. */
function rawKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_-]+)+$/;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      if (KEY.test(text)) found.push(text);
    }
    for (const el of document.body.querySelectorAll('*'))
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt'])
        if (KEY.test(el.getAttribute(attr)?.trim() ?? '')) found.push(`${attr}=${el.getAttribute(attr)}`);
    return found;
  });
}

/** Each screen in Vietnamese and in English, switched with the screen's own language buttons. */
async function expectNoRawKeys(page: Page, screen: string) {
  for (const language of ['English', 'Tiếng Việt']) {
    await page.getByRole('button', { name: language, exact: true }).first().click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language === 'English' ? 'en' : 'vi');
    await page.waitForTimeout(150); // the screen's strings for that language are a chunk of their own
    expect(await rawKeys(page), `${screen} (${language})`).toEqual([]);
  }
}

describe('the counter\'s first week', () => {
  it('finds a returned dossier by name under the default filter, and prints an English clerk\'s slip in Vietnamese', async () => {
    const page = await newPage();
    await page.goto(s.url);
    await enrollAndSignIn(page, await s.enrollmentCode(s.demoCommuneId));
    await receiveDossier(page, 'Hoàng Văn Trả');
    const slipUrl = page.url();
    await page.getByRole('link', { name: 'Quay lại hồ sơ' }).click();
    await act(page, 'Chuyển xử lý');
    await act(page, 'Đã có kết quả');
    await act(page, 'Trả kết quả');
    await page.getByText('Hồ sơ đã kết thúc, không còn thao tác nào.').waitFor();

    await page.getByRole('link', { name: 'Danh sách hồ sơ' }).click();
    expect(await page.getByRole('button', { name: 'Đang giải quyết' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('searchbox', { name: 'Tìm hồ sơ' }).fill('hoang van tra');
    const outside = page.getByRole('region', { name: '1 hồ sơ khớp ở trạng thái khác' });
    await outside.getByRole('cell', { name: 'Hoàng Văn Trả' }).waitFor();
    expect(await outside.getByText('Đã trả kết quả').count()).toBe(1);
    await page.getByText('Không có hồ sơ nào trong bộ lọc này.').waitFor();
    await expectAccessible(page, 'list with a hit outside the filter');

    // An English-UI clerk: the buttons are English, the official paper stays Vietnamese.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.goto(slipUrl);
    await page.getByRole('button', { name: 'Print slip' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const paper = page.locator('article.receipt-slip');
    await paper.getByRole('heading', { name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' }).waitFor();
    const printed = await paper.innerText();
    expect(printed).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(printed).toContain('Phí, lệ phí');
    expect(printed).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(printed).not.toMatch(/DOSSIER RECEIPT|SOCIALIST REPUBLIC|Applicant|Print slip/);
    expect(await paper.getAttribute('lang')).toBe('vi');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
    await page.context().close();
  });

  it('walks every screen in both languages with no raw i18n key, and shows the selected language as selected', async () => {
    // First run, then the counter's screens.
    const page = await newPage({ width: 800, height: 1280 });
    await page.goto(s.url);
    await page.getByRole('button', { name: 'Đăng ký máy' }).waitFor();
    await expectNoRawKeys(page, 'first run');
    expect(await page.getByRole('link', { name: 'Quản trị trung tâm' }).count()).toBe(1);
    await enrollAndSignIn(page, await s.enrollmentCode(s.demoCommuneId));
    await expectNoRawKeys(page, 'dossier list');
    // On the red header the pressed language is drawn unlike the header, and unlike the other button.
    const colours = await page.evaluate(() => {
      const header = getComputedStyle(document.querySelector('.app-header')!).backgroundColor;
      const [vi, en] = [...document.querySelectorAll<HTMLButtonElement>('.app-header .language-switch button')].map((b) => ({
        pressed: b.getAttribute('aria-pressed'),
        bg: getComputedStyle(b).backgroundColor,
      }));
      return { header, vi, en };
    });
    expect(colours.vi.pressed).toBe('true');
    expect(colours.vi.bg).not.toBe(colours.header);
    expect(colours.vi.bg).not.toBe(colours.en.bg);

    await receiveDossier(page, 'Phan Thị Duyệt');
    await expectNoRawKeys(page, 'slip');
    await page.getByRole('link', { name: 'Quay lại hồ sơ' }).click();
    await page.getByRole('button', { name: 'Sửa thông tin hồ sơ' }).click();
    await expectNoRawKeys(page, 'dossier detail with the correction form');
    await expectAccessible(page, 'dossier detail with the correction form (portrait)');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('khai sinh');
    await page.getByRole('radio', { name: /^Đăng ký khai sinh/ }).first().check();
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click(); // the errors are screens too
    await expectNoRawKeys(page, 'intake with errors');
    await page.goto(`${s.url}/#/attention`);
    await expectNoRawKeys(page, 'needs attention');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expectNoRawKeys(page, 'sign-in');
    await page.context().close();

    // The kiosk.
    const kiosk = await newPage({ width: 800, height: 1280 });
    await kiosk.goto(s.url);
    await kiosk.getByLabel('Mã đăng ký thiết bị').fill(await s.enrollmentCode(s.demoCommuneId, 'kiosk'));
    await kiosk.getByRole('button', { name: 'Đăng ký máy' }).click();
    await kiosk.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();
    await expectNoRawKeys(kiosk, 'kiosk');
    await kiosk.context().close();

    // The central dashboard, before and after signing in.
    const admin = await newPage();
    await admin.goto(`${s.url}/#/admin`);
    await admin.getByLabel('Mã quản trị (ADMIN_TOKEN)').waitFor();
    await expectNoRawKeys(admin, 'dashboard sign-in');
    await admin.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(s.adminToken);
    await admin.getByRole('button', { name: 'Vào trang quản trị' }).click();
    await admin.getByRole('heading', { name: 'Máy tính bảng' }).waitFor();
    await expectNoRawKeys(admin, 'dashboard');
    await admin.context().close();
  });
});
