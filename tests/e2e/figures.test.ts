import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { addDaysToKey, vnDateKey, type CommuneReport, type Op } from '../../src/domain';
import { periodsOf } from '../../src/features/figures/periods';
import { goOnline, launchChromium, reloadOffline } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-server';
import { signIn } from '../support/counter-page';
import { expectAccessible } from '../support/axe';
import { smallTargets } from '../support/touch';
import { makeOp, push, receivedData } from '../support/ops';

// The figures screens on the real server and the real app (dist/): the dashboard's comparison and
// drill-down, its exports and print, and the leader's figures computed offline on a counter tablet.
let browser: Browser;
let s: TestServer;
const SCREENSHOTS = process.env.SCREENSHOTS === '1';

let demo: { id: string; name: string; province: string };
beforeAll(async () => {
  s = await startTestServer({ db: 'pglite', distDir: 'dist' });
  browser = await launchChromium();
  // Two communes of one province, each with two months of work.
  demo = (await (await s.admin('GET', '/api/v1/admin/communes')).json()).find((c: { id: string }) => c.id === s.demoCommuneId);
  const other = await (await s.admin('POST', '/api/v1/admin/communes', { code: 'XA-HAI', name: 'Xã Thứ Hai', province: demo.province })).json();
  await pushHistory(s.demoCommuneId, '000.00.12.H26');
  await pushHistory(other.id, '000.00.13.H26');
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const LAN = '58b48b58-385c-495e-891c-a2c01361414d';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 09:00 Vietnam time on a Vietnam date. */
const nineAm = (key: string) => Date.parse(`${key}T09:00:00+07:00`);

/**
 * A month of a commune's work two months back and last month, pushed in order by one tablet:
 * received, settled early, settled late, left open; a few answers at the kiosk.
 */
async function pushHistory(communeId: string, codePrefix: string) {
  const device = await s.newDevice(communeId);
  const kiosk = await s.newDevice(communeId, 'kiosk');
  const today = vnDateKey(new Date());
  const last = periodsOf('lastMonth', today).current;
  const before = periodsOf('lastMonth', today).previous;
  const ops: Op[] = [];
  const surveys: Op[] = [];
  let seq = 0;
  let n = 0;
  const receive = (day: string, settleAfterDays: number | null, procedureId = 'khai-sinh') => {
    const wall = nineAm(day) + n * 60_000;
    n++;
    const received = makeOp('dossier.received', receivedData(wall, n, { code: `${codePrefix}-${day.slice(2).replaceAll('-', '')}-${String(n).padStart(4, '0')}`, procedureId, staffId: LAN, dueAt: new Date(wall + 3 * DAY).toISOString() }), { deviceSeq: ++seq, wall });
    ops.push(received);
    if (settleAfterDays === null) return;
    ops.push(makeOp('dossier.transitioned', { action: 'start-processing', staffId: LAN }, { deviceSeq: ++seq, entityId: received.entityId, wall: wall + HOUR }));
    ops.push(makeOp('dossier.transitioned', { action: 'mark-result-ready', staffId: LAN }, { deviceSeq: ++seq, entityId: received.entityId, wall: wall + 2 * HOUR + settleAfterDays * DAY }));
  };
  receive(addDaysToKey(before.from, 9), 0);
  receive(addDaysToKey(before.from, 9), 8);
  receive(addDaysToKey(last.from, 2), 0);
  receive(addDaysToKey(last.from, 2), 0, 'khai-tu');
  receive(addDaysToKey(last.from, 3), 9);
  receive(addDaysToKey(last.from, 4), null);
  // Ops go out in the order they happened, as a tablet sends them.
  ops.sort((a, b) => a.hlc.localeCompare(b.hlc)).forEach((op, i) => (op.deviceSeq = i + 1));
  for (const [i, rating] of ['very-satisfied', 'satisfied', 'not-satisfied'].entries()) {
    const wall = nineAm(addDaysToKey(last.from, 5)) + i * HOUR;
    surveys.push(makeOp('survey.submitted', { rating, ...(i === 2 ? { comment: 'Chờ hơi lâu' } : {}) }, { deviceSeq: i + 1, wall }));
  }
  expect((await push(s.url, device.token, device.deviceId, ops)).status).toBe(200);
  expect((await push(s.url, kiosk.token, kiosk.deviceId, surveys)).status).toBe(200);
}

const report = async (q: Record<string, string>): Promise<CommuneReport> => (await s.admin('GET', `/api/v1/admin/reports?${new URLSearchParams(q)}`)).json();
/** The cells of a table's rows as the screen shows them. */
const rowsOf = (table: Locator) => table.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));
const cellOf = async (table: Locator, row: RegExp, column: number) => (await table.getByRole('row', { name: row }).locator('th, td').allInnerTexts())[column];
const saved = async (download: Download) => {
  const path = join(mkdtempSync(join(tmpdir(), 'figures-')), 'file');
  await download.saveAs(path);
  return readFileSync(path);
};
const pdfPages = async (page: Page) => {
  await page.emulateMedia({ media: 'print' });
  if (process.env.PRINT_DEBUG) {
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.screenshot({ path: `/tmp/figures-print-${Date.now()}.png`, fullPage: true });
    await page.setViewportSize(size);
  }
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  return [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
};

describe('figures, end to end', () => {
  it('dashboard: last month against the month before, the province ranked, drill-down, CSV with BOM, XLSX, one A4 page', async () => {
    const { current: last, previous: before } = periodsOf('lastMonth', vnDateKey(new Date()));

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await page.goto(`${s.url}/#/admin`);
    await page.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(s.adminToken);
    await page.getByRole('button', { name: 'Vào trang quản trị' }).click();
    await page.getByRole('radio', { name: 'Tháng trước' }).click();

    // The province: both communes side by side, ranked by progress.
    const province = page.getByRole('table', { name: `Các xã của ${demo.province}` });
    await province.getByRole('button', { name: 'Xã Thứ Hai' }).waitFor();
    const provinceRows = await rowsOf(province);
    expect(provinceRows.at(-1)![1]).toBe('Toàn tỉnh');
    if (SCREENSHOTS) {
      await province.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'docs/figures-province-landscape.png' });
    }

    // Into the demo commune: the settlement table is the server's, with the month before beside it.
    await province.getByRole('button', { name: demo.name }).click();
    const settlement = page.getByRole('table', { name: 'Tình hình giải quyết hồ sơ' });
    const now = await report({ communeId: s.demoCommuneId, from: last.from, to: last.to });
    const then = await report({ communeId: s.demoCommuneId, from: before.from, to: before.to });
    expect([now.received, now.settled, now.late, now.openOverdue + now.openWithinTime]).toEqual([4, 3, 1, 1]);
    await expect.poll(() => cellOf(settlement, /^Mới tiếp nhận trong kỳ/, 1)).toBe(String(now.received));
    expect(await cellOf(settlement, /^Tổng số hồ sơ phải giải quyết/, 2)).toBe(String(then.toHandle));
    expect(await cellOf(settlement, /^Tổng số hồ sơ phải giải quyết/, 3)).toBe(`+${now.toHandle - then.toHandle}`);
    expect(await cellOf(settlement, /^Đã giải quyết/, 1)).toBe(String(now.settled));
    expect(await cellOf(settlement, /^— quá hạn/, 1)).toBe(String(now.late));
    await expectAccessible(page, 'dashboard figures');
    if (SCREENSHOTS) {
      await page.evaluate(() => document.querySelector('[data-table="settlement"]')!.scrollIntoView());
      await page.screenshot({ path: 'docs/figures-dashboard-landscape.png' });
    }

    // CSV: a byte-order mark, then exactly the screen's rows.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
    const csv = await saved(csvDownload);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    const fields = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, '').replaceAll('""', '"'));
    for (const name of ['Tình hình giải quyết hồ sơ', 'Theo thủ tục', 'Thư của xã']) {
      const onScreen = await rowsOf(page.getByRole('table', { name }));
      const at = lines.indexOf(name);
      expect(at, name).toBeGreaterThanOrEqual(0);
      expect(lines.slice(at + 1, at + 1 + onScreen.length).map(fields)).toEqual(onScreen);
    }

    // XLSX, read back with the same author's reader: the server's numbers, typed.
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readSheet(await saved(xlsxDownload), 'settlement');
    const byName = (name: string) => sheet.find((r) => r[0] === name);
    expect(byName('Mới tiếp nhận trong kỳ')?.slice(1, 3)).toEqual([now.received, then.received]);
    expect(byName('Tổng số hồ sơ phải giải quyết')?.slice(1, 4)).toEqual([now.toHandle, then.toHandle, now.toHandle - then.toHandle]);
    expect(byName('Tỷ lệ tiến độ giải quyết (QĐ 766)')?.[1]).toBeCloseTo(now.progressRate!, 10);
    expect(byName('Tỷ lệ hài lòng')?.[1]).toBeCloseTo(now.satisfaction.satisfiedRate!, 10);

    // Printed: one A4 page.
    expect(await pdfPages(page)).toEqual([[595, 842]]);

    // Down to one procedure, and back up by the breadcrumb.
    await page.getByRole('table', { name: 'Theo thủ tục' }).getByRole('button', { name: /^Đăng ký khai tử/ }).click();
    const deaths = await report({ communeId: s.demoCommuneId, from: last.from, to: last.to, procedureId: 'khai-tu' });
    expect(deaths.received).toBe(1);
    await expect.poll(() => cellOf(settlement, /^Mới tiếp nhận trong kỳ/, 1)).toBe('1');
    const crumbs = page.getByRole('navigation', { name: 'Đang xem' });
    await crumbs.getByText(/^Thủ tục: Đăng ký khai tử/).waitFor();
    await crumbs.getByRole('button', { name: demo.name }).click();
    await expect.poll(() => cellOf(settlement, /^Mới tiếp nhận trong kỳ/, 1)).toBe(String(now.received));
    // And to one officer: the dossiers Nguyễn Thị Lan received.
    const lan = await report({ communeId: s.demoCommuneId, from: last.from, to: last.to, staffId: LAN });
    await page.getByRole('table', { name: 'Theo cán bộ tiếp nhận' }).getByRole('button', { name: 'Nguyễn Thị Lan' }).click();
    await crumbs.getByText('Cán bộ: Nguyễn Thị Lan').waitFor();
    await expect.poll(() => cellOf(settlement, /^Tổng số hồ sơ phải giải quyết/, 1)).toBe(String(lan.toHandle));
    await crumbs.getByRole('button', { name: demo.name }).click();
    await expect.poll(() => cellOf(settlement, /^Mới tiếp nhận trong kỳ/, 1)).toBe(String(now.received));
    await crumbs.getByRole('button', { name: demo.province }).click();
    await province.waitFor();

    // The comment left at the kiosk, marked handled: who and when.
    await province.getByRole('button', { name: demo.name }).click();
    const comments = page.getByRole('region', { name: "Ý kiến của người dân" });
    await comments.getByText('Chờ hơi lâu').waitFor();
    await comments.getByRole('textbox', { name: 'Ghi chú xử lý' }).fill('Đã gọi điện');
    await comments.getByRole('button', { name: /^Đánh dấu đã xử lý ý kiến lúc/ }).click();
    await comments.getByText(/^Đã xử lý: admin-token,/).waitFor();
    await page.close();
  });

  it("the leader's figures on the tablet, offline, count what the server counts for the same ops", async () => {
    const last = periodsOf('lastMonth', vnDateKey(new Date())).current;
    const server = await report({ communeId: s.demoCommuneId, from: last.from, to: last.to });
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(s.url);
    await page.waitForFunction(async () => Boolean(await navigator.serviceWorker.ready));
    await page.getByLabel('Mã đăng ký thiết bị').fill(await s.enrollmentCode(s.demoCommuneId));
    await page.getByRole('button', { name: 'Đăng ký máy' }).click();
    await signIn(page, 'Lê Văn Hùng', '2468');
    // Everything pulled while online; then the network goes.
    await page.getByRole('link', { name: 'Số liệu', exact: true }).click();
    await page.getByRole('radio', { name: 'Tháng trước' }).click();
    const settlement = page.getByRole('table', { name: 'Tình hình giải quyết hồ sơ' });
    await expect.poll(() => cellOf(settlement, /^Mới tiếp nhận trong kỳ/, 1), { timeout: 60_000 }).toBe(String(server.received));
    await context.setOffline(true);
    await reloadOffline(page);
    await signIn(page, 'Lê Văn Hùng', '2468');
    await page.getByText('Mất mạng — vẫn làm việc bình thường').waitFor();
    await page.getByRole('link', { name: 'Số liệu', exact: true }).click();
    await page.getByRole('radio', { name: 'Tháng trước' }).click();
    await expect.poll(() => cellOf(settlement, /^Mới tiếp nhận trong kỳ/, 1)).toBe(String(server.received));
    const fmtRate = (x: number | null) => (x === null ? '—' : new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(x));
    const expected: [RegExp, string][] = [
      [/^Tổng số hồ sơ phải giải quyết/, String(server.toHandle)],
      [/^Kỳ trước chuyển sang/, String(server.carriedOver)],
      [/^Đã giải quyết/, String(server.settled)],
      [/^— trước hạn/, String(server.early)],
      [/^— đúng hạn/, String(server.onTime)],
      [/^— quá hạn/, String(server.late)],
      [/^Đang giải quyết, trong hạn/, String(server.openWithinTime)],
      [/^Đang giải quyết, quá hạn/, String(server.openOverdue)],
      [/^Tỷ lệ tiến độ giải quyết/, fmtRate(server.progressRate)],
      [/^Tỷ lệ giải quyết đúng và trước hạn/, fmtRate(server.onTimeRate)],
      [/^Lượt đánh giá/, String(server.satisfaction.responses)],
      [/^Tỷ lệ hài lòng/, fmtRate(server.satisfaction.satisfiedRate)],
    ];
    for (const [row, value] of expected) expect(await cellOf(settlement, row, 1), String(row)).toBe(value);
    await expectAccessible(page, "leader's tablet figures");
    expect(await smallTargets(page)).toEqual([]);
    if (SCREENSHOTS) {
      // The report's top just under the status bar, which stays on screen.
      await page.evaluate(() => scrollTo(0, document.querySelector('#report-title')!.getBoundingClientRect().top + scrollY - 150));
      await page.screenshot({ path: 'docs/figures-tablet-portrait.png' });
    }
    expect(await pdfPages(page)).toEqual([[595, 842]]);
    await goOnline(context);
    await context.close();
  });
});
