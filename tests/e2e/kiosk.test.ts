import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { expectAccessible } from '../support/axe';
import { writeY4m } from '../support/fake-camera';
import { useServerAndChromium } from '../support/e2e';
import { enrollAndSignIn, receiveDossier } from '../support/counter-page';
import { demoConfig, longFlowSurvey } from '../support/fixtures';

const { s, browser: counterBrowser } = useServerAndChromium();
// Started by the test that needs a camera (Chromium's fake one, fed a QR code).
let kioskBrowser: Browser | undefined;
afterAll(async () => {
  await kioskBrowser?.close();
});

/** Every kiosk screen: no serious axe violation, and every control a finger can hit (≥ 72 px). */
async function audit(page: Page, screen: string) {
  await expectAccessible(page, screen);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, [role="button"]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ name: el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 71.5 || box.width < 71.5)
      .map(({ name, box }) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small, `${screen}: controls under 72 px`).toEqual([]);
}

async function receiveAndReadQr(page: Page, name: string) {
  await receiveDossier(page, name);
  const qr = page.getByRole('img', { name: /Mã QR của hồ sơ/ });
  await qr.waitFor();
  const code = await page.locator('.receipt-slip .code').innerText();
  // The slip's QR as the tablet draws it, in grey levels: what a camera would see on paper.
  const picture = await qr.evaluate(async (img: HTMLImageElement) => {
    const size = 330;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    const rgba = ctx.getImageData(0, 0, size, size).data;
    return { size, grey: Array.from({ length: size * size }, (_, i) => rgba[i * 4]) };
  });
  return { code, picture };
}

describe('survey kiosk', () => {
  it('takes 20 answers offline (some linked by scanning the receipt QR), survives a reload, and syncs them; it cannot read dossiers', async () => {
    // The commune's survey in its long flow (every criterion and question, the receipt code last),
    // with a quick repeat window so the test's citizens are not mistaken for double taps.
    const config = await (await fetch(`${s.url}/api/v1/config`, { headers: { Authorization: `Bearer ${(await s.newDevice(s.demoCommuneId)).token}` } })).json();
    await s.admin('PUT', `/api/v1/admin/communes/${s.demoCommuneId}/config/survey`, { ...longFlowSurvey, version: config.survey.version, rules: { repeatWindowSeconds: 1, burstLimit: 100 } });
    // Staff open the kiosk's panel with the commune's kiosk code (issue 12 part 6), never a staff PIN.
    const kioskCode = 'KioskE2E2026';
    expect((await s.admin('PUT', `/api/v1/admin/communes/${s.demoCommuneId}/config/kioskCode`, { code: kioskCode })).status).toBe(200);

    // A counter tablet receives two dossiers; the first slip's QR goes in front of the kiosk camera.
    const counter = await counterBrowser.newPage({ viewport: { width: 1280, height: 800 } });
    await counter.goto(s.url);
    await enrollAndSignIn(counter, await s.enrollmentCode(s.demoCommuneId));
    const scanned = await receiveAndReadQr(counter, 'Đinh Văn Quang');
    const typed = await receiveAndReadQr(counter, 'Mai Thị Oanh');
    const video = join(mkdtempSync(join(tmpdir(), 'fd-camera-')), 'receipt.y4m');
    writeY4m(video, Uint8Array.from(scanned.picture.grey), scanned.picture.size, scanned.picture.size);

    kioskBrowser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    const context = await kioskBrowser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN', bypassCSP: true, permissions: ['camera'] });
    // The kiosk's own clock (Date, timers) under the test's hand: it flows as usual, and the test
    // moves it past the repeat window between citizens instead of sleeping through it.
    await context.clock.install();
    const kiosk = await context.newPage();
    await kiosk.goto(s.url);
    await kiosk.waitForFunction(async () => Boolean(await navigator.serviceWorker.ready));
    await kiosk.getByLabel('Mã đăng ký thiết bị').fill(await s.enrollmentCode(s.demoCommuneId, 'kiosk'));
    await kiosk.getByRole('button', { name: 'Đăng ký máy' }).click();
    await kiosk.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();
    await audit(kiosk, 'rating');

    await context.setOffline(true);
    const ratings = ['very-satisfied', 'satisfied', 'not-satisfied'] as const;
    const label = { 'very-satisfied': 'Rất hài lòng', satisfied: 'Hài lòng', 'not-satisfied': 'Không hài lòng' };
    const sent: string[] = [];
    for (let citizen = 0; citizen < 20; citizen++) {
      if (citizen === 10) {
        // The kiosk is reloaded (or restarted) in the middle of the day, still offline.
        await kiosk.reload();
        await kiosk.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();
      }
      const rating = ratings[citizen % 3];
      sent.push(rating);
      await kiosk.getByRole('button', { name: label[rating], exact: true }).click();
      if (citizen === 0) {
        await audit(kiosk, 'criterion');
        await kiosk.getByRole('button', { name: 'Hài lòng', exact: true }).click();
      }
      while (!(await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).isVisible())) {
        if (citizen === 0 && (await kiosk.getByRole('button', { name: 'Có', exact: true }).isVisible())) {
          await audit(kiosk, 'yes/no question');
          await kiosk.getByRole('button', { name: 'Có', exact: true }).click();
          continue;
        }
        if (citizen === 0 && (await kiosk.getByRole('textbox').isVisible())) await audit(kiosk, 'comment');
        await kiosk.getByRole('button', { name: 'Bỏ qua' }).click();
      }
      if (citizen === 0) await audit(kiosk, 'dossier link');
      if (citizen === 1 || citizen === 2) {
        await kiosk.getByRole('button', { name: 'Quét mã QR trên giấy hẹn' }).click();
        const expected = citizen === 1 ? `Đã nhận mã hồ sơ ${scanned.code}.` : /Hồ sơ này đã được đánh giá rồi/;
        await kiosk.getByText(expected).waitFor({ timeout: 30_000 });
      }
      if (citizen === 3) {
        await kiosk.getByRole('button', { name: 'Nhập mã hồ sơ' }).click();
        await audit(kiosk, 'typing a dossier code');
        await kiosk.getByLabel('Mã hồ sơ trên giấy hẹn').fill(typed.code);
        await kiosk.getByRole('button', { name: 'Dùng mã này' }).click();
        await kiosk.getByText(`Đã nhận mã hồ sơ ${typed.code}.`).waitFor();
      }
      await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await kiosk.getByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' }).waitFor();
      if (citizen === 0) await audit(kiosk, 'thank you');
      // The next citizen comes after the 1-second repeat window (the thank-you screen stays 8 s).
      await kiosk.clock.fastForward(1100);
      await kiosk.getByRole('button', { name: 'Người tiếp theo' }).click();
    }

    const { rows: before } = await s.sql.query<{ n: string }>("SELECT count(*) AS n FROM ops WHERE type = 'survey.submitted'");
    expect(Number(before[0].n)).toBe(0);
    await context.setOffline(false);
    await expect
      .poll(async () => Number((await s.sql.query<{ n: string }>("SELECT count(*) AS n FROM ops WHERE type = 'survey.submitted'")).rows[0].n), { timeout: 30_000 })
      .toBe(20);
    const { rows } = await s.sql.query<{ rating: string; dossier_code: string | null }>('SELECT rating, dossier_code FROM surveys ORDER BY at');
    expect(rows.map((r) => r.rating).sort()).toEqual([...sent].sort());
    expect(rows.filter((r) => r.dossier_code).map((r) => r.dossier_code).sort()).toEqual([scanned.code, typed.code].sort());

    const today = new Date().toISOString().slice(0, 10);
    const report = await (await s.admin('GET', `/api/v1/admin/reports?communeId=${s.demoCommuneId}&from=2026-01-01&to=${today > '2026-12-31' ? today : '2026-12-31'}`)).json();
    const satisfied = sent.filter((r) => r !== 'not-satisfied').length;
    expect(report.satisfaction.responses).toBe(20);
    expect(report.satisfaction.satisfiedRate).toBeCloseTo(satisfied / 20);

    // The kiosk holds no dossier and cannot pull any.
    const pullStatus = await kiosk.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const req = indexedDB.open('friendly-desk');
        req.onsuccess = () => ok(req.result);
      });
      const device = await new Promise<{ value: { token: string } }>((ok) => {
        const req = db.transaction('meta').objectStore('meta').get('device');
        req.onsuccess = () => ok(req.result);
      });
      const dossiers = await new Promise<number>((ok) => {
        const req = db.transaction('dossiers').objectStore('dossiers').count();
        req.onsuccess = () => ok(req.result);
      });
      const res = await fetch('/api/v1/sync/pull', { headers: { Authorization: `Bearer ${device.value.token}` } });
      return { status: res.status, dossiers };
    });
    expect(pullStatus).toEqual({ status: 403, dossiers: 0 });

    // Staff screens behind the kiosk code, audited too.
    await kiosk.getByRole('button', { name: 'Cán bộ' }).click();
    await audit(kiosk, 'kiosk code');
    await kiosk.getByLabel('Mã mở khóa máy đánh giá').fill('12341234');
    await kiosk.getByRole('button', { name: 'Mở khóa' }).click();
    await kiosk.getByRole('alert').filter({ hasText: 'Mã mở khóa không đúng' }).waitFor();
    await kiosk.getByLabel('Mã mở khóa máy đánh giá').fill(kioskCode);
    await kiosk.getByRole('button', { name: 'Mở khóa' }).click();
    await kiosk.getByRole('heading', { name: 'Máy đánh giá — cán bộ' }).waitFor();
    await audit(kiosk, 'staff panel');

    // A citizen walks away mid-survey: after a minute the reset shows a visible countdown first.
    await kiosk.reload();
    await kiosk.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await kiosk.getByRole('button', { name: 'Bỏ qua' }).waitFor();
    await kiosk.clock.fastForward(61_000);
    const countdown = kiosk.getByRole('alertdialog', { name: /Màn hình sẽ bắt đầu lại sau \d+ giây/ });
    await countdown.waitFor();
    await audit(kiosk, 'reset countdown');
    // runFor fires every tick of the countdown on the way (fastForward would fire it once and
    // leave the other nine seconds to real time).
    await kiosk.clock.runFor(11_000);
    await countdown.waitFor({ state: 'detached' });
    await kiosk.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();
    expect(await kiosk.getByRole('button', { name: 'Bỏ qua' }).count()).toBe(0);
  });

  it('records a survey the citizen walked away from, with what was answered, and sends it after the reset; the next citizen is asked in Vietnamese', async () => {
    // The commune's default short survey, starting over after 2 s without a touch.
    await s.admin('PUT', `/api/v1/admin/communes/${s.demoCommuneId}/config/survey`, { ...demoConfig.survey, version: 7, rules: { inactivitySeconds: 2, countdownSeconds: 1 } });
    kioskBrowser ??= await launchChromium();
    const context = await kioskBrowser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.clock.install();
    const kiosk = await context.newPage();
    await kiosk.goto(s.url);
    await kiosk.getByLabel('Mã đăng ký thiết bị').fill(await s.enrollmentCode(s.demoCommuneId, 'kiosk'));
    await kiosk.getByRole('button', { name: 'Đăng ký máy' }).click();
    await kiosk.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();
    const kioskRow = await s.sql.query<{ id: string }>("SELECT id FROM devices WHERE kind = 'kiosk' ORDER BY enrolled_at DESC LIMIT 1");
    const deviceId = kioskRow.rows[0].id;

    // A citizen reads in English, taps a face, gives the receipt's last digits, answers one question, and leaves.
    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByRole('button', { name: 'Satisfied', exact: true }).click();
    await kiosk.getByRole('heading', { name: /receipt|slip/i }).waitFor();
    await audit(kiosk, 'receipt code first (landscape)');
    await kiosk.getByRole('button', { name: 'Type the dossier code' }).click();
    await kiosk.getByLabel('Dossier code on the slip').fill('01005');
    await audit(kiosk, 'typing the last digits');
    await kiosk.getByRole('button', { name: 'Use this code' }).click();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(2).replace(/-/g, '');
    const code = `${demoConfig.commune.code}-${today}-01005`;
    await kiosk.getByText(`Dossier code ${code} received.`).waitFor();
    await kiosk.getByRole('button', { name: 'Continue' }).click();
    await kiosk.getByRole('button', { name: 'Yes', exact: true }).click();

    // Nobody touches it: it starts over, in Vietnamese, and the answer goes to the server flagged partial.
    // The 2 s of stillness and the 1 s countdown pass on the kiosk's clock, every timer on the way firing.
    await kiosk.clock.runFor(3_500);
    await kiosk.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor({ timeout: 15_000 });
    expect(await kiosk.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => (await s.sql.query<{ data: unknown }>(`SELECT data FROM ops WHERE device_id = $1 AND type = 'survey.submitted'`, [deviceId])).rows.map((r) => r.data), {
        timeout: 30_000,
      })
      .toEqual([{ rating: 'satisfied', answers: { [demoConfig.survey!.questions[0].id]: true }, dossierCode: code, surveyVersion: 7, flags: ['partial'] }]);
    const { rows } = await s.sql.query<{ rating: string; dossier_code: string }>('SELECT rating, dossier_code FROM surveys WHERE device_id = $1', [deviceId]);
    expect(rows).toEqual([{ rating: 'satisfied', dossier_code: code }]);
    await context.close();
  });
});
