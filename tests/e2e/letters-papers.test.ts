import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newTablet, openApp, useServerAndChromium } from '../support/e2e';
import { enrollAndSignIn } from '../support/counter-page';
import { act, openDossier, printPdf, receive, smallTargets } from '../support/papers-page';
import { expectAccessible } from '../support/axe';

const { s, browser } = useServerAndChromium();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await newTablet(browser);
  page = await context.newPage();
});

describe('papers and letters, offline, then counted by the server', () => {
  it('condolence for a death registration and form 03 for a refusal, printed offline; the report counts the letter', async () => {
    await openApp(page, s.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await enrollAndSignIn(page, await s.enrollmentCode(s.demoCommuneId));
    await context.setOffline(true);

    // A death registration received and returned.
    const code = await receive(page, 'Đăng ký khai tử', 'Lê Thị Mai');
    await openDossier(page, code);
    await act(page, 'Chuyển xử lý');
    await act(page, 'Đã có kết quả');
    await act(page, 'Trả kết quả');
    await page.getByText('Đã trả kết quả', { exact: true }).waitFor();

    // The condolence letter is suggested, issued, printed on one A5 page, and delivered.
    await expectAccessible(page, 'dossier detail with papers and letters');
    await page.getByRole('link', { name: 'Soạn thư chia buồn' }).click();
    const text = page.getByLabel('Nội dung thư (có thể sửa trước khi phát hành)');
    expect(await text.inputValue()).toContain('Lê Thị Mai');
    for (const viewport of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      await expectAccessible(page, `new letter ${viewport.width}x${viewport.height}`);
      expect(await smallTargets(page), `new letter ${viewport.width}x${viewport.height}`).toEqual([]);
    }
    await page.getByRole('button', { name: 'Phát hành thư' }).click();
    const letter = page.getByRole('article', { name: 'THƯ CHIA BUỒN' });
    await letter.waitFor();
    const printed = await printPdf(page);
    expect(printed.pages).toBe(1);
    expect(printed.size).toEqual([148, 210]);
    expect(printed.text).toContain('Lê Thị Mai');
    expect(printed.text).toContain('UBND xã Tân Lập');
    expect(printed.text).not.toContain('Xác nhận đã trao thư'); // the screen's controls stay off paper
    // The font shipped with the app, fetched from the service worker's cache with no network.
    expect(printed.raw).toMatch(/NotoSerif/);
    await expectAccessible(page, 'letter');
    expect(await smallTargets(page), 'letter').toEqual([]);
    await page.getByRole('radio', { name: 'Trao tại nhà' }).check();
    await page.getByRole('button', { name: 'Xác nhận đã trao thư' }).click();
    await page.getByRole('status').filter({ hasText: /Đã trao ngày .* Trao tại nhà/ }).waitFor();

    // A dossier refused: form 03 printed.
    const refused = await receive(page, 'Chứng thực chữ ký', 'Phạm Văn Bình');
    // Form 01, the slip, in the frame of the other papers: one A5 page, the shipped font.
    const slip = await printPdf(page);
    expect(slip.pages).toBe(1);
    expect(slip.size).toEqual([148, 210]);
    expect(slip.text).toContain('Mẫu số 01');
    expect(slip.text).toContain('Phạm Văn Bình');
    expect(slip.text).not.toContain('In giấy hẹn');
    expect(slip.raw).toMatch(/NotoSerif/);
    await openDossier(page, refused);
    await act(page, 'Từ chối', () => page.getByLabel('Lý do').fill('Giấy tờ tùy thân đã hết hạn'));
    await page.getByRole('status').getByRole('link', { name: 'In phiếu từ chối (mẫu 03)' }).click(); // offered at once
    await page.getByRole('article', { name: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' }).waitFor();
    await expectAccessible(page, 'form 03');
    const form03 = await printPdf(page);
    expect(form03.pages).toBe(1);
    expect(form03.size).toEqual([148, 210]);
    expect(form03.text).toContain('Giấy tờ tùy thân đã hết hạn');
    expect(form03.text).toContain('Phạm Văn Bình');
    expect(form03.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    // The tracking book prints on A4 landscape.
    await page.getByRole('link', { name: 'Sổ theo dõi' }).click();
    await page.getByRole('article', { name: 'SỔ THEO DÕI HỒ SƠ' }).getByRole('cell', { name: refused }).waitFor();
    const book = await printPdf(page);
    expect(book.size).toEqual([297, 210]);
    expect(book.text).toContain('Lê Thị Mai');
    expect(book.text.replace(/\s+/g, '')).toContain(code); // a narrow column may wrap the code

    await page.getByRole('link', { name: 'Thư', exact: true }).click();
    await page.getByRole('heading', { name: 'Thư của xã' }).waitFor();
    await expectAccessible(page, 'letters list');
    expect(await smallTargets(page), 'letters list').toEqual([]);

    // Back online: the letter reaches the server's report, issued and delivered.
    await context.setOffline(false);
    await page.getByText('0 thay đổi chờ gửi').waitFor({ timeout: 60_000 });
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    const report = await (await s.admin('GET', `/api/v1/admin/reports?communeId=${s.demoCommuneId}&from=${today}&to=${today}`)).json();
    expect(report.letters).toMatchObject({ issued: 1, delivered: 1, deliveredRate: 1, byKind: { condolence: { issued: 1, delivered: 1 } } });
  }, 240_000);
});
