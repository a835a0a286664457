// Takes the README pictures in docs/ from the real app and server:  npx tsx scripts/screenshots.ts
import { launchChromium } from '../tests/support/browser';
import { startTestServer } from '../tests/support/test-server';

const s = await startTestServer({ db: 'pglite', distDir: 'dist' });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(s.url);
  await page.getByLabel('Mã đăng ký thiết bị').fill(await s.enrollmentCode(s.demoCommuneId));
  await page.getByRole('button', { name: 'Đăng ký máy' }).click();
  await page.getByRole('radio', { name: /Nguyễn Thị Lan/ }).check();
  await page.getByLabel('Mã PIN').fill('1234');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const people = [
    ['khai sinh', 'Nguyễn Thị Hòa', '0912345678'],
    ['chung thuc ban sao', 'Trần Văn Bình', '0987654321'],
    ['ket hon', 'Lê Minh Châu', '0356789012'],
    ['tro cap', 'Phạm Văn Đức', ''],
  ];
  for (const [procedure, name, phone] of people) {
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill(procedure);
    await page.locator('.procedure-option input').first().check();
    await page.getByLabel('Họ và tên').fill(name);
    if (phone) await page.getByLabel('Số điện thoại').fill(phone);
    await page.getByLabel('Địa chỉ').fill('Thôn Đông, xã Tân Lập');
    const docs = page.locator('fieldset', { hasText: 'Thành phần hồ sơ đã nhận' }).getByRole('checkbox');
    for (let i = 0; i < (await docs.count()); i++) await docs.nth(i).check();
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await page.locator('img.qr').waitFor();
  }
  await page.screenshot({ path: 'docs/counter-slip.png', fullPage: true });
  await page.getByRole('link', { name: 'Danh sách hồ sơ' }).click();
  await page.getByRole('cell', { name: 'Phạm Văn Đức' }).waitFor();
  await page.getByText('0 thay đổi chờ gửi').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: 'docs/counter-list-landscape.png' });

  await page.setViewportSize({ width: 800, height: 1280 });
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
  await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('khai sinh');
  await page.locator('.procedure-option input').first().check();
  await page.getByLabel('Họ và tên').fill('Đỗ Thị Mai');
  await page.getByLabel('Số điện thoại').fill('0212');
  await page.getByLabel('Địa chỉ').click();
  await page.screenshot({ path: 'docs/counter-intake-portrait.png' });
  // The half-filled intake stays as a draft; the list in portrait starts on the first screen.
  await page.getByRole('link', { name: 'Danh sách hồ sơ' }).click();
  await page.getByRole('cell', { name: 'Phạm Văn Đức' }).waitFor();
  const firstRow = await page.locator('.dossier-table tbody tr').first().boundingBox();
  console.log(`portrait list: first dossier row at y = ${Math.round(firstRow!.y)} px of 1280`);
  await page.screenshot({ path: 'docs/counter-list-portrait.png' });
  await page.locator('.dossier-table td a').first().click();
  await page.getByRole('heading', { name: 'Quá trình xử lý' }).waitFor();
  await page.screenshot({ path: 'docs/counter-detail-portrait.png', fullPage: true });

  const admin = await context.newPage();
  await admin.setViewportSize({ width: 1280, height: 800 });
  await admin.goto(`${s.url}/#/admin`);
  await admin.getByRole('heading', { name: 'Đăng nhập bằng tài khoản' }).waitFor();
  await admin.screenshot({ path: 'docs/admin-sign-in.png' });
  await admin.getByLabel('Mã quản trị (ADMIN_TOKEN)').fill(s.adminToken);
  await admin.getByRole('button', { name: 'Vào trang quản trị' }).click();
  await admin.getByRole('img', { name: 'Hồ sơ theo tiến độ giải quyết' }).waitFor();
  await admin.getByRole('button', { name: 'Cấp mã cho máy quầy' }).click();
  await admin.getByRole('img', { name: /Mã QR đăng ký/ }).waitFor();
  await admin.getByRole('table', { name: 'Nhật ký thay đổi' }).waitFor();
  await admin.screenshot({ path: 'docs/admin-dashboard.png', fullPage: true });
  await admin.setViewportSize({ width: 800, height: 1280 });
  await admin.getByRole('heading', { name: 'Máy tính bảng' }).scrollIntoViewIfNeeded();
  await admin.screenshot({ path: 'docs/admin-devices-portrait.png' });
  // The config editor: staff and the calendar on a portrait tablet, a letter's preview on a desktop.
  const editor = admin.getByRole('region', { name: 'Cấu hình của xã' });
  const shotPart = async (part: string, path: string) => {
    await editor.getByRole('button', { name: part, exact: true }).click();
    await editor.getByRole('button', { name: `Lưu ${part}` }).waitFor();
    await admin.getByRole('heading', { name: 'Cấu hình của xã' }).scrollIntoViewIfNeeded();
    await editor.screenshot({ path });
  };
  await shotPart('Cán bộ', 'docs/admin-config-staff-portrait.png');
  await editor.getByRole('button', { name: 'Lịch làm việc', exact: true }).click();
  await editor.getByRole('textbox', { name: 'Mỗi dòng một ngày: dd/mm/yyyy tên ngày nghỉ' }).fill('01/01/2027 Tết Dương lịch\n24/11/2027 Ngày Văn hóa Việt Nam');
  await shotPart('Lịch làm việc', 'docs/admin-config-calendar-portrait.png');
  await admin.setViewportSize({ width: 1280, height: 800 });
  await shotPart('Mẫu thư', 'docs/admin-config-letter-landscape.png');
  await shotPart('Thủ tục', 'docs/admin-config-procedures-landscape.png');
  // Every kiosk screen, portrait and landscape.
  for (const [orientation, viewport] of [
    ['portrait', { width: 800, height: 1280 }],
    ['landscape', { width: 1280, height: 800 }],
  ] as const) {
    const kioskContext = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(s.url);
    await kiosk.getByLabel('Mã đăng ký thiết bị').fill(await s.enrollmentCode(s.demoCommuneId, 'kiosk'));
    await kiosk.getByRole('button', { name: 'Đăng ký máy' }).click();
    await kiosk.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();
    const shot = (name: string) => kiosk.screenshot({ path: `docs/kiosk-${name}-${orientation}.png` });
    await shot('1-rating');
    await kiosk.getByRole('button', { name: 'Rất hài lòng' }).click();
    // The default short survey: the receipt code first (its last digits are enough), two questions, the comment.
    await kiosk.getByRole('button', { name: 'Nhập mã hồ sơ' }).click();
    await kiosk.getByLabel('Mã hồ sơ trên giấy hẹn').fill('01005');
    await kiosk.getByRole('button', { name: 'Dùng mã này' }).click();
    await kiosk.getByText(/Đã nhận mã hồ sơ/).waitFor();
    await shot('2-dossier');
    await kiosk.getByRole('button', { name: 'Tiếp tục' }).click();
    await kiosk.getByRole('button', { name: 'Có', exact: true }).waitFor();
    await shot('3-question');
    while (!(await kiosk.getByRole('textbox').isVisible())) await kiosk.getByRole('button', { name: 'Có', exact: true }).click();
    await kiosk.getByRole('textbox').fill('Cán bộ hướng dẫn rất tận tình, cảm ơn!');
    await shot('4-comment');
    await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await kiosk.getByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' }).waitFor();
    await shot('5-thanks');
    await kiosk.getByRole('button', { name: 'Người tiếp theo' }).click();
    await kiosk.getByRole('button', { name: 'Cán bộ' }).click();
    await shot('6-staff-pin');
    // Walked away mid-survey: the countdown before the reset (a fake clock skips the minute).
    await kiosk.clock.install();
    await kiosk.reload();
    await kiosk.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await kiosk.clock.fastForward(61_000);
    await kiosk.getByRole('alertdialog').waitFor();
    await shot('7-reset-countdown');
    await kioskContext.close();
  }
  console.log('docs/*.png written');
} finally {
  await browser.close();
  await s.close();
}
