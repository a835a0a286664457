import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { DossierPaper } from '../../../src/features/papers/DossierPaper';
import { TrackingBook } from '../../../src/features/papers/TrackingBook';
import { PaperLinks } from '../../../src/features/papers';
import { setLanguage } from '../../../src/app/i18n';
import { useSession } from '../../../src/app/stores';
import { db } from '../../../src/app/db';
import { receiveDossier, recordOp } from '../../../src/db';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';

const [lan, minh] = demoConfig.staff;
const at = (iso: string) => new Date(iso);

async function seed() {
  await setUpDemoTablet(db);
  useSession.getState().signIn({ id: lan.id, name: lan.name });
  const row = await receiveDossier(
    db,
    { ...counterIntake('Nguyễn Thị Hòa'), procedureId: 'dang-ky-lai-khai-sinh', dueAt: '2026-03-17T10:00:00.000Z' },
    at('2026-03-10T02:00:00Z'),
  );
  const act = (data: Record<string, unknown>, when: string) => recordOp(db, 'dossier.transitioned', row.id, { staffId: lan.id, ...data }, at(when));
  return { row, act };
}

afterEach(() => setLanguage('vi'));

describe('official papers (Circular 03/2025), always in Vietnamese', () => {
  it('form 02 lists what is missing, with the commune header, motto, date line and both signatures', async () => {
    const { row, act } = await seed();
    await act(
      { action: 'request-supplement', missingDocuments: ['Bản sao Giấy khai sinh cũ', 'Giấy xác nhận cư trú'], reason: 'Bản sao cũ không rõ chữ' },
      '2026-03-11T03:00:00Z',
    );
    // The screen is in English; the paper is not.
    await setLanguage('en');
    render(<DossierPaper id={row.id} form="02" config={demoConfig} />);
    const paper = await screen.findByRole('article', { name: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' });
    const p = within(paper);
    expect(p.getByText('UBND XÃ TÂN LẬP')).toBeInTheDocument();
    expect(p.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeInTheDocument();
    expect(p.getByText('Độc lập - Tự do - Hạnh phúc')).toBeInTheDocument();
    expect(p.getByText('Tân Lập, ngày 11 tháng 03 năm 2026')).toBeInTheDocument();
    expect(p.getByText('Mẫu số 02 — Thông tư 03/2025/TT-VPCP')).toBeInTheDocument();
    expect(p.getByText('Kính gửi: Nguyễn Thị Hòa')).toBeInTheDocument();
    expect(p.getByText(`Ngày 10/03/2026, Bộ phận Một cửa UBND xã Tân Lập tiếp nhận hồ sơ Đăng ký lại khai sinh của ông/bà, mã hồ sơ ${row.code}.`)).toBeInTheDocument();
    expect(p.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Bản sao Giấy khai sinh cũ', 'Giấy xác nhận cư trú']);
    expect(p.getByText('Bản sao cũ không rõ chữ')).toBeInTheDocument();
    expect(p.getByText('NGƯỜI NỘP HỒ SƠ')).toBeInTheDocument();
    expect(p.getByText('NGƯỜI HƯỚNG DẪN')).toBeInTheDocument();
    expect(p.getByText(lan.name)).toBeInTheDocument();
    // The buttons around it follow the screen's language.
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
  });

  it('form 03 writes the refusal reason; form 05 the stop reason', async () => {
    const { row, act } = await seed();
    await act({ action: 'refuse', reason: 'Không thuộc thẩm quyền của xã' }, '2026-03-10T03:00:00Z');
    const { unmount } = render(<DossierPaper id={row.id} form="03" config={demoConfig} />);
    const refusal = await screen.findByRole('article', { name: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' });
    expect(within(refusal).getByText('Không thuộc thẩm quyền của xã')).toBeInTheDocument();
    unmount();

    const other = await receiveDossier(db, counterIntake('Phạm Văn Bình'), at('2026-03-10T02:30:00Z'));
    await recordOp(db, 'dossier.transitioned', other.id, { action: 'start-processing', staffId: lan.id });
    await recordOp(db, 'dossier.transitioned', other.id, { action: 'stop', staffId: lan.id, reason: 'Công dân đề nghị dừng' });
    render(<DossierPaper id={other.id} form="05" config={demoConfig} />);
    const stop = await screen.findByRole('article', { name: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ' });
    expect(within(stop).getByText('Công dân đề nghị dừng')).toBeInTheDocument();
    expect(within(stop).getByText('THỦ TRƯỞNG CƠ QUAN')).toBeInTheDocument();
  });

  it('form 04 gives the old date, the reason and the new date', async () => {
    const { row, act } = await seed();
    await act({ action: 'apologize-extend', reason: 'Chờ kết quả xác minh', newDueAt: '2026-03-24T17:00:00+07:00' }, '2026-03-13T03:00:00Z');
    render(<DossierPaper id={row.id} form="04" config={demoConfig} />);
    const paper = within(await screen.findByRole('article', { name: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' }));
    expect(paper.getByText('Hẹn trả kết quả ngày 17/03/2026. Do:')).toBeInTheDocument();
    expect(paper.getByText('Chờ kết quả xác minh')).toBeInTheDocument();
    expect(paper.getByText('Ngày 24/03/2026')).toBeInTheDocument();
  });

  it('form 06 has one row per hand-over: who gave, who received, when, and how timely', async () => {
    const { row, act } = await seed();
    await act({ action: 'hand-over', toStaffId: minh.id }, '2026-03-10T03:00:00Z');
    await recordOp(db, 'dossier.transitioned', row.id, { action: 'hand-over', staffId: minh.id, toAgency: 'Công an xã Tân Lập' }, at('2026-03-18T03:00:00Z'));
    render(<DossierPaper id={row.id} form="06" config={demoConfig} />);
    const paper = await screen.findByRole('article', { name: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' });
    const rows = within(paper).getAllByRole('row').map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Bên giao', 'Bên nhận', 'Thời gian giao, nhận', 'Kết quả bước'],
      [lan.name, minh.name, '10:00 10/03/2026', 'Trước hạn'],
      [minh.name, 'Công an xã Tân Lập', '10:00 18/03/2026', 'Quá hạn'],
    ]);
  });

  it('offers each form once its event happened', async () => {
    const { row, act } = await seed();
    const links = async () => {
      const { unmount } = render(<PaperLinks dossier={(await db.dossiers.get(row.id))!} />);
      const names = screen.getAllByRole('link').map((a) => a.textContent);
      unmount();
      return names;
    };
    expect(await links()).toEqual(['In phiếu kiểm soát (mẫu 06)']);
    await act({ action: 'request-supplement', missingDocuments: ['Tờ khai'] }, '2026-03-10T03:00:00Z');
    await act({ action: 'refuse', reason: 'Không bổ sung' }, '2026-03-10T04:00:00Z');
    expect(await links()).toEqual(['In phiếu yêu cầu bổ sung (mẫu 02)', 'In phiếu từ chối (mẫu 03)', 'In phiếu kiểm soát (mẫu 06)']);
  });

  it('form 07 is the tracking book of a period: one row per dossier received in it', async () => {
    const { row } = await seed();
    await receiveDossier(db, counterIntake('Ngoài kỳ'), at('2026-02-20T02:00:00Z'));
    render(<TrackingBook config={demoConfig} now={at('2026-03-20T05:00:00Z')} />);
    const book = await screen.findByRole('article', { name: 'SỔ THEO DÕI HỒ SƠ' });
    expect(within(book).getByText('Từ ngày 01/03/2026 đến ngày 20/03/2026')).toBeInTheDocument();
    const body = await within(book).findAllByRole('row');
    expect(body).toHaveLength(2); // header + the one dossier of March
    expect(within(body[1]).getByText(row.code)).toBeInTheDocument();
    expect(within(body[1]).getByText('Nguyễn Thị Hòa')).toBeInTheDocument();
    expect(within(body[1]).getByText('Đang giải quyết')).toBeInTheDocument();
  });
});
