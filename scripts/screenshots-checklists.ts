// Takes the checklist pictures in docs/ from the real app and server (a month of checks pushed
// through the API first, then the tablet's screens):  npx tsx scripts/screenshots-checklists.ts
import { launchChromium } from '../tests/support/browser';
import { startTestServer } from '../tests/support/test-server';
import { makeOp } from '../tests/support/ops';
import seed from '../src/domain/demo/demo-commune.json';

const s = await startTestServer({ db: 'pglite', distDir: 'dist' });
const browser = await launchChromium();
try {
  // Last month: officers' quick checks (mostly all held), a leader's spot checks (less kind), citizens' answers.
  const [lan, minh, hung] = seed.staff.map((m) => m.id);
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1, 2));
  const month = first.toISOString().slice(0, 7);
  const counter = await s.newDevice(s.demoCommuneId, 'counter');
  const kiosk = await s.newDevice(s.demoCommuneId, 'kiosk');
  const items = ['listen', 'explain', 'trust', 'apologise', 'thank'];
  const checks = [];
  const answers = [];
  for (let day = 0; day < 26; day++) {
    const wall = first.getTime() + day * 86_400_000;
    const date = new Date(wall + 7 * 3_600_000).toISOString().slice(0, 10);
    for (const [k, staffId] of [lan, minh].entries()) {
      const skipped = (day + k) % 7 === 3;
      const held = Object.fromEntries(items.map((id, i) => [id, !(staffId === minh && id === 'listen' && day % 3 === 0) && !(i === 3 && day % 5 === 0)]));
      checks.push({ data: { templateId: '5-biet', templateVersion: 1, staffId, checkedBy: staffId, mode: 'self', date, items: skipped ? {} : held, ...(skipped ? { skipped: true } : {}) }, wall: wall + k * 60_000 });
    }
    if (day % 6 === 2)
      for (const staffId of [lan, minh])
        checks.push({ data: { templateId: '5-biet', templateVersion: 1, staffId, checkedBy: hung, mode: 'leader', date, items: Object.fromEntries(items.map((id) => [id, !(staffId === minh && id === 'listen')])) }, wall: wall + 600_000 });
    answers.push({ wall: wall + 3_600_000, data: { rating: 'satisfied', answers: { listened: day % 3 !== 0, understood: day % 4 !== 0 } } });
  }
  const post = (device: { deviceId: string; token: string }, ops: unknown[]) =>
    fetch(`${s.url}/api/v1/sync/push`, { method: 'POST', headers: { Authorization: `Bearer ${device.token}` }, body: JSON.stringify({ protocol: 1, deviceId: device.deviceId, ops }) });
  await post(counter, checks.map((c, i) => makeOp('checklist.recorded', c.data, { deviceSeq: i + 1, wall: c.wall })));
  await post(kiosk, answers.map((a, i) => makeOp('survey.submitted', a.data, { deviceSeq: i + 1, wall: a.wall })));

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(s.url);
  await page.getByLabel('Mã đăng ký thiết bị').fill(await s.enrollmentCode(s.demoCommuneId));
  await page.getByRole('button', { name: 'Đăng ký máy' }).click();
  const signIn = async (name: RegExp, pin: string) => {
    await page.getByRole('radio', { name }).check();
    await page.getByLabel('Mã PIN').fill(pin);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  };
  await signIn(/Nguyễn Thị Lan/, '1234');
  // A dossier received and returned: the quick check follows the return.
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('chung thuc chu ky');
  await page.locator('.procedure-option input').first().check();
  await page.getByLabel('Họ và tên').fill('Phan Thị Ngọc');
  const docs = page.locator('fieldset', { hasText: 'Thành phần hồ sơ đã nhận' }).getByRole('checkbox');
  for (let i = 0; i < (await docs.count()); i++) await docs.nth(i).check();
  await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
  await page.getByRole('button', { name: 'Bỏ qua lần này' }).click();
  await page.getByRole('link', { name: 'Quay lại hồ sơ' }).click();
  for (const action of ['Chuyển xử lý', 'Đã có kết quả', 'Trả kết quả']) {
    await page.getByRole('button', { name: action, exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
  }
  const quick = page.getByRole('form', { name: /Tự kiểm tra nhanh/ });
  await quick.waitFor();
  await quick.getByRole('button', { name: 'Biết xin lỗi: Chưa đạt' }).click();
  // The form itself: the sticky status bar would hide its title in a page shot.
  await quick.screenshot({ path: 'docs/checklists-quick-check-landscape.png' });
  await page.setViewportSize({ width: 800, height: 1280 });
  await quick.screenshot({ path: 'docs/checklists-quick-check-portrait.png' });
  await quick.getByRole('button', { name: 'Tất cả đều đạt' }).click();
  await quick.getByRole('button', { name: 'Lưu' }).click();

  // The leader: a spot check of a colleague, then the month's figures.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await signIn(/Lê Văn Hùng/, '2468');
  await page.getByRole('link', { name: 'Tác phong phục vụ' }).click();
  await page.getByRole('link', { name: 'Kiểm tra cán bộ' }).click();
  await page.getByRole('combobox', { name: 'Cán bộ được kiểm tra' }).selectOption({ label: 'Trần Văn Minh' });
  await page.getByRole('combobox', { name: 'Bảng kiểm tra' }).selectOption({ label: '3 thể hiện' });
  const spot = page.getByRole('form', { name: /3 thể hiện/ });
  await spot.getByRole('button', { name: 'Tất cả đều đạt' }).click();
  await spot.getByRole('button', { name: 'Thể hiện sự gần gũi, thân thiện: Chưa đạt' }).click();
  await spot.getByRole('textbox').fill('Chưa chủ động hướng dẫn người cao tuổi.');
  await page.screenshot({ path: 'docs/checklists-spot-check-portrait.png' });
  await spot.getByRole('button', { name: 'Lưu' }).click();

  await page.getByRole('link', { name: 'Tác phong phục vụ' }).click();
  await page.getByRole('link', { name: 'Số liệu tác phong' }).click();
  await page.getByText('0 thay đổi chờ gửi').waitFor({ timeout: 60_000 });
  await page.getByLabel('Tháng').fill(month);
  await page.getByRole('table', { name: 'Theo tiêu chí' }).waitFor();
  await page.screenshot({ path: 'docs/checklists-figures-portrait.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'docs/checklists-figures-landscape.png', fullPage: true });
  // The printed month report: A4, Vietnamese.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: 'docs/checklists-report-a4.png', fullPage: true });
  console.log('docs/checklists-*.png written');
} finally {
  await browser.close();
  await s.close();
}
