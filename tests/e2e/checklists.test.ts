import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newTablet, openApp, useServerAndChromium } from '../support/e2e';
import { enrollAndSignIn, receiveDossier, signIn } from '../support/counter-page';
import { expectAccessible } from '../support/axe';
import { smallTargets } from '../support/touch';
import { act } from '../support/papers-page';

const { s, browser } = useServerAndChromium();

async function tablet(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newTablet(browser, { viewport });
  const page = await context.newPage();
  await openApp(page, s.url);
  return { context, page };
}

describe('service checklists, offline, end to end', () => {
  it("return → quick check → leader's spot check → a kiosk citizen's linked answer → online → the server's report counts staff and citizens", async () => {
    const report = async () =>
      (await (await s.admin('GET', `/api/v1/admin/reports?communeId=${s.demoCommuneId}&from=2026-01-01&to=2027-12-31`)).json()).checklists;
    const listenOf = async () => (await report()).items.find((i: { templateId: string; itemId: string }) => i.templateId === '5-biet' && i.itemId === 'listen');
    expect(await listenOf()).toBeUndefined();

    // The counter receives a dossier while online, and passes the quick check after receiving by.
    const counter = await tablet({ width: 1280, height: 800 });
    await enrollAndSignIn(counter.page, await s.enrollmentCode(s.demoCommuneId));
    await receiveDossier(counter.page, 'Phan Thị Ngọc');
    const code = await counter.page.locator('.receipt-slip .code').innerText();
    await counter.page.getByRole('form', { name: 'Tự kiểm tra nhanh: 5 biết' }).getByRole('button', { name: 'Bỏ qua lần này' }).click();
    await counter.page.getByText('Đã ghi nhận: bỏ qua lần này.').waitFor();
    await counter.page.getByText('0 thay đổi chờ gửi').waitFor({ timeout: 60_000 });

    // Offline from here: process and return the result; the quick check follows the return.
    await counter.context.setOffline(true);
    await counter.page.getByRole('link', { name: 'Quay lại hồ sơ' }).click();
    // (After 15:00 a same-day procedure is due tomorrow: returning today asks whether the citizen was told; act ticks it.)
    for (const action of ['Chuyển xử lý', 'Đã có kết quả', 'Trả kết quả']) await act(counter.page, action);
    const quick = counter.page.getByRole('form', { name: 'Tự kiểm tra nhanh: 5 biết' });
    await quick.waitFor();
    expect(await quick.getByRole('button', { pressed: true }).count()).toBe(0);
    expect(await smallTargets(counter.page)).toEqual([]);
    await expectAccessible(counter.page, 'quick check');
    await quick.getByRole('button', { name: 'Tất cả đều đạt' }).click();
    await quick.getByRole('button', { name: 'Lưu' }).click();
    await counter.page.getByText('Đã lưu phiếu kiểm tra.').waitFor();

    // The leader signs in on the same tablet, still offline, and spot-checks the clerk.
    await counter.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(counter.page, 'Lê Văn Hùng', '2468');
    await counter.page.getByRole('link', { name: 'Tác phong phục vụ' }).click();
    await counter.page.getByRole('link', { name: 'Kiểm tra cán bộ' }).click();
    await counter.page.getByRole('combobox', { name: 'Cán bộ được kiểm tra' }).selectOption({ label: 'Nguyễn Thị Lan' });
    await counter.page.getByRole('combobox', { name: 'Bảng kiểm tra' }).selectOption({ label: '5 biết' });
    const spot = counter.page.getByRole('form', { name: '5 biết — Nguyễn Thị Lan' });
    await spot.getByRole('button', { name: 'Tất cả đều đạt' }).click();
    await spot.getByRole('button', { name: 'Biết lắng nghe ý kiến của Nhân dân: Chưa đạt' }).click();
    expect(await smallTargets(counter.page)).toEqual([]);
    await expectAccessible(counter.page, 'spot check');
    await spot.getByRole('button', { name: 'Lưu' }).click();
    await counter.page.getByText('Nguyễn Thị Lan: Đã lưu phiếu kiểm tra.').waitFor();
    await counter.page.getByText('5 thay đổi chờ gửi').waitFor();

    // A citizen at the kiosk, offline too, links the answer to the receipt and says the officer listened.
    const kiosk = await tablet({ width: 800, height: 1280 });
    await kiosk.page.getByLabel('Mã đăng ký thiết bị').fill(await s.enrollmentCode(s.demoCommuneId, 'kiosk'));
    await kiosk.page.getByRole('button', { name: 'Đăng ký máy' }).click();
    await kiosk.page.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();
    await kiosk.context.setOffline(true);
    await kiosk.page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    let asked = false;
    for (let screen = 0; screen < 10 && !(await kiosk.page.getByRole('button', { name: 'Gửi đánh giá' }).isVisible()); screen++) {
      if (await kiosk.page.getByRole('button', { name: 'Nhập mã hồ sơ' }).isVisible()) {
        await kiosk.page.getByRole('button', { name: 'Nhập mã hồ sơ' }).click();
        await kiosk.page.getByLabel('Mã hồ sơ trên giấy hẹn').fill(code);
        await kiosk.page.getByRole('button', { name: 'Dùng mã này' }).click();
        await kiosk.page.getByText(`Đã nhận mã hồ sơ ${code}.`).waitFor();
        if (await kiosk.page.getByRole('button', { name: 'Gửi đánh giá' }).isVisible()) break;
      }
      if (await kiosk.page.getByRole('heading', { name: 'Cán bộ có lắng nghe ông/bà không?' }).isVisible()) {
        await kiosk.page.getByRole('button', { name: 'Có', exact: true }).click();
        asked = true;
        continue;
      }
      await kiosk.page.getByRole('button', { name: 'Bỏ qua' }).click();
    }
    expect(asked).toBe(true);
    await kiosk.page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await kiosk.page.getByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' }).waitFor();

    // Nothing reached the server while offline.
    expect(await listenOf()).toBeUndefined();

    // Back online: both tablets send by themselves, and the report counts the item three ways.
    await counter.context.setOffline(false);
    await kiosk.context.setOffline(false);
    await counter.page.getByText('0 thay đổi chờ gửi').waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await listenOf())?.citizenChecks ?? 0, { timeout: 60_000 }).toBe(1);
    expect(await listenOf()).toEqual({
      templateId: '5-biet',
      itemId: 'listen',
      checks: 2,
      yes: 1,
      citizenChecks: 1,
      citizenYes: 1,
      byMode: { self: { checks: 1, yes: 1 }, leader: { checks: 1, yes: 0 }, peer: { checks: 0, yes: 0 } },
    });
    expect(await report()).toMatchObject({ records: 2, skipped: 1 });

    // The leader's figures on the tablet, once the kiosk's answer is pulled: self 100 %, leader 0 %, citizens 100 %.
    await counter.page.getByRole('link', { name: 'Tác phong phục vụ' }).click();
    await counter.page.getByRole('link', { name: 'Số liệu tác phong' }).click();
    await counter.page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    const row = counter.page.getByRole('table', { name: 'Theo tiêu chí' }).getByRole('row', { name: /Biết lắng nghe/ });
    await expect.poll(async () => (await row.getByRole('cell').allInnerTexts()).slice(0, 4), { timeout: 60_000 }).toEqual(['100 % (1/1)', '0 % (0/1)', '—', '100 % (1/1)']);
    await counter.page.getByRole('table', { name: 'Theo cán bộ' }).getByRole('row', { name: /Nguyễn Thị Lan/ }).waitFor();
    await expectAccessible(counter.page, "leader's figures");
    expect(await smallTargets(counter.page)).toEqual([]);

    // Printed, the month's report is an A4 page in Vietnamese, the screen's controls left out.
    await counter.page.getByRole('button', { name: 'English' }).click();
    await counter.page.getByRole('heading', { name: 'Conduct figures' }).waitFor();
    await counter.page.emulateMedia({ media: 'print' });
    await counter.page.locator('.conduct-report h1').filter({ hasText: /^BÁO CÁO TÁC PHONG, THÁI ĐỘ PHỤC VỤ THÁNG \d\d\/\d{4}$/ }).waitFor();
    expect(await counter.page.getByRole('heading', { name: 'Conduct figures' }).isVisible()).toBe(false);
    expect(await counter.page.locator('.conduct-report').innerText()).toContain('Theo tiêu chí');
    const pdf = (await counter.page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([595, 842]); // A4 in points, not the slip's A5
  });
});
