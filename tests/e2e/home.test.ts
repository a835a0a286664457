import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goOnline, reloadOffline } from '../support/browser';
import { newTablet, openApp, useServerAndChromium } from '../support/e2e';
import { enrollAndSignIn } from '../support/counter-page';
import { planVisitToday, receiveAtHome, registerClient } from '../support/home-page';
import { expectAccessible } from '../support/axe';
import { makeOp, push, receivedData } from '../support/ops';
import { vnDateKey } from '../../src/domain';

const { s, browser } = useServerAndChromium();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // A 7–8 inch tablet held upright.
  context = await newTablet(browser, { viewport: { width: 800, height: 1280 }, hasTouch: true });
  page = await context.newPage();
});

/** Controls of the page's main area smaller than a fingertip (48 px high), named so a failure says which. */
async function smallTargets(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main :is(button, a, select, input:not([type=checkbox]):not([type=radio]), label.choice)')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height < 48)
      .map((el) => `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)}px`),
  );
}

async function signIn() {
  await page.getByRole('radio', { name: /Nguyễn Thị Lan/ }).check();
  await page.getByLabel('Mã PIN').fill('1234');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

describe('home service on a mobile tablet', () => {
  it('plans a visit, works at the home offline (intake with a signature, a result returned, a letter handed over, the survey), and the server counts it', async () => {
    const commune = await s.createCommune('HOME');
    await s.admin('PUT', `/api/v1/admin/communes/${commune.id}/config/staff`, [{ id: 'staff-lan', name: 'Nguyễn Thị Lan', title: 'Công chức', pin: '1234' }]);
    // At the office, a counter tablet has Bà Tư's birth certificate copy ready: its result goes to her home.
    const counter = await s.newDevice(commune.id, 'counter');
    const wall = Date.now() - 3_600_000;
    const ready = makeOp('dossier.received', receivedData(wall, 1, { code: 'HOME-000000-01001', applicant: { name: 'Bà Nguyễn Thị Tư' } }), { deviceSeq: 1, wall });
    const steps = ['start-processing', 'mark-result-ready'].map((action, i) =>
      makeOp('dossier.transitioned', { action, staffId: 'staff-lan' }, { deviceSeq: i + 2, entityId: ready.entityId, wall: wall + (i + 1) * 1000 }),
    );
    // And the leader's longevity letter for her, to hand over on the same visit.
    const letter = makeOp(
      'letter.issued',
      { kind: 'longevity', templateId: 'longevity', recipientName: 'Bà Nguyễn Thị Tư', occasion: 'mừng thọ 80 tuổi', body: 'Kính gửi cụ Nguyễn Thị Tư', staffId: 'staff-lan' },
      { deviceSeq: 4, wall: wall + 5000 },
    );
    expect((await push(s.url, counter.token, counter.deviceId, [ready, ...steps, letter])).status).toBe(200);

    // The mobile tablet opens on the day plan.
    await openApp(page, s.url);
    await enrollAndSignIn(page, await s.enrollmentCode(commune.id, 'mobile'));
    await page.getByRole('heading', { name: 'Lịch thăm hôm nay' }).waitFor();
    await expectAccessible(page, 'day plan (empty)');

    await registerClient(page, { name: 'Bà Nguyễn Thị Tư', village: 'Thôn Đông', address: 'Số 12, xóm 2', phone: '0912345678' });
    expect(await smallTargets(), 'person and plan form').toEqual([]);
    await planVisitToday(page, 'Trả kết quả', 'HOME-000000-01001', 'Thư mừng thọ');
    const visit = page.getByRole('list', { name: 'Các chuyến thăm trong ngày, theo thôn xóm' }).getByRole('link', { name: /Bà Nguyễn Thị Tư/ });
    await visit.waitFor();
    await expectAccessible(page, 'day plan');
    expect(await smallTargets(), 'day plan').toEqual([]);
    await page.getByText('0 thay đổi chờ gửi').waitFor({ timeout: 30_000 });

    // Out of the office: no connection from here on.
    await context.setOffline(true);
    await visit.click();
    await page.getByRole('button', { name: 'Đã đến nhà' }).click();
    await page.getByText(/^Đến lúc /).waitFor();
    await receiveAtHome(page, 'chung thuc chu ky', /^Chứng thực chữ ký/);
    expect(await page.getByLabel('Địa chỉ').inputValue()).toBe('Số 12, xóm 2, Thôn Đông');
    expect(await page.getByRole('radio', { name: 'Tại nhà' }).isChecked()).toBe(true);
    await expectAccessible(page, 'intake at home');
    expect(await smallTargets(), 'intake at home').toEqual([]);
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();

    // Back on the visit: the new dossier and the one whose result is returned here.
    const dossiers = page.getByRole('list', { name: 'Hồ sơ của chuyến thăm' });
    await dossiers.getByText('HOME-000000-01001').waitFor();
    const readyItem = dossiers.getByRole('listitem').filter({ hasText: 'HOME-000000-01001' });
    await readyItem.getByRole('checkbox', { name: 'Không ký được: đã điểm chỉ trên giấy' }).check();
    await readyItem.getByRole('button', { name: 'Trả kết quả tại nhà' }).click();
    await readyItem.getByText('Đã trả kết quả').waitFor();
    // The letter handed over at the home, offline.
    const letterSection = page.getByRole('region', { name: 'Thư trao tại nhà' });
    await letterSection.getByRole('button', { name: 'Trao thư tại nhà' }).click();
    await letterSection.getByRole('status').filter({ hasText: /^Đã trao thư lúc/ }).waitFor();
    await expectAccessible(page, 'visit');
    expect(await smallTargets(), 'visit').toEqual([]);

    // The slip of the dossier received here says the result comes back to the home, and shows the signature.
    const newItem = dossiers.getByRole('listitem').filter({ hasNotText: 'HOME-000000-01001' });
    await newItem.getByRole('link', { name: 'Giấy hẹn' }).click();
    const slip = page.getByRole('article', { name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' });
    await slip.getByText('Tại nhà người nộp hồ sơ (cán bộ mang kết quả đến)').waitFor();
    await slip.getByRole('img', { name: 'Chữ ký của Bà Nguyễn Thị Tư, ký trên máy tính bảng' }).waitFor();
    await page.goBack();

    // The survey on the same tablet, locked; a staff PIN leads back.
    await page.getByRole('button', { name: 'Mời người dân đánh giá' }).click();
    await page.getByRole('button', { name: 'Rất hài lòng' }).click();
    while (!(await page.getByRole('button', { name: 'Gửi đánh giá' }).isVisible())) await page.getByRole('button', { name: 'Bỏ qua' }).click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' }).waitFor();
    await page.getByRole('button', { name: 'Cán bộ' }).click();
    await page.getByLabel('Mã PIN').fill('1234');
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await signIn();

    await page.getByRole('radio', { name: 'Đã xong' }).check();
    await page.getByRole('button', { name: 'Ghi kết quả chuyến thăm' }).click();
    await page.getByRole('heading', { name: 'Lịch thăm hôm nay' }).waitFor();

    // A reload with no connection keeps everything.
    await reloadOffline(page);
    await signIn();
    await page.getByRole('list', { name: 'Các chuyến thăm trong ngày, theo thôn xóm' }).getByText('Trả kết quả · Đã xong').waitFor();
    const { rows: none } = await s.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM ops WHERE commune_id = $1 AND type = 'home.visit-completed'", [commune.id]);
    expect(none[0].n).toBe(0);

    // Back at the office.
    await goOnline(context);
    await page.getByText('0 thay đổi chờ gửi').waitFor({ timeout: 60_000 });
    const { rows } = await s.sql.query<{ type: string; data: Record<string, any> }>('SELECT type, data FROM ops WHERE commune_id = $1 ORDER BY seq', [commune.id]);
    const received = rows.find((r) => r.type === 'dossier.received' && r.data.channel === 'home')!;
    expect(received.data.signature).toMatchObject({ kind: 'signature', signerName: 'Bà Nguyễn Thị Tư' });
    expect(received.data.signature.svg).toMatch(/^<svg[^>]*><path d="M\d+ \d+L/);
    expect(received.data.signature.svg.length).toBeLessThanOrEqual(16 * 1024);
    expect(rows.find((r) => r.type === 'dossier.transitioned' && r.data.action === 'return-result')!.data).toMatchObject({ place: 'Số 12, xóm 2, Thôn Đông', signature: { kind: 'fingerprint' } });
    expect(rows.filter((r) => r.type === 'survey.submitted').map((r) => r.data.rating)).toEqual(['very-satisfied']);
    expect(rows.find((r) => r.type === 'home.visit-completed')!.data).toMatchObject({ outcome: 'done', arrivedAt: expect.any(String), leftAt: expect.any(String) });

    const today = vnDateKey(new Date());
    const report = await (await s.admin('GET', `/api/v1/admin/reports?communeId=${commune.id}&from=${today}&to=${today}`)).json();
    expect(report.home).toMatchObject({ clients: 1, visitsPlanned: 1, visitsDone: 1, dossiersReceivedAtHome: 1, dossiersReturnedAtHome: 1, dossiersAtHome: 2 });
    expect(report.satisfaction.responses).toBe(1);
    expect(rows.find((r) => r.type === 'letter.delivered')!.data).toMatchObject({ letterId: letter.entityId, method: 'at-home' });
    expect(rows.find((r) => r.type === 'home.visit-completed')!.data.letterIds).toEqual([letter.entityId]);
    expect(report.letters).toMatchObject({ issued: 1, delivered: 1, byKind: { longevity: { issued: 1, delivered: 1 } } });
  });
});
