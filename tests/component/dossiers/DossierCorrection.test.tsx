import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DossierDetail } from '../../../src/features/dossiers/DossierDetail';
import { ReceiptSlip } from '../../../src/features/dossiers/ReceiptSlip';
import { useSession } from '../../../src/app/stores';
import { db } from '../../../src/app/db';
import { setLanguage } from '../../../src/app/i18n';
import { receiveDossier } from '../../../src/db';
import { demoConfig, setUpDemoTablet } from '../../support/fixtures';

const procedure = demoConfig.procedures[0];
const [form, birthPaper] = procedure.documents.map((d) => d.name);

async function seedOne() {
  await setUpDemoTablet(db);
  const staff = demoConfig.staff[0];
  useSession.getState().signIn({ id: staff.id, name: staff.name });
  return receiveDossier(db, {
    procedureId: procedure.id,
    applicant: { name: 'Nguyen Van An', idNumber: '001085123456', address: 'Thôn 3, xã Yên Sơn' },
    channel: 'counter',
    documents: [form],
    writtenByStaff: false,
    staffId: staff.id,
    dueAt: '2026-03-12T10:00:00Z',
  });
}

afterEach(() => setLanguage('vi'));

describe('dossier detail and corrections', () => {
  it('shows the address, the documents received, the fee and the officer of each step', async () => {
    const row = await seedOne();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await screen.findByRole('heading', { name: `Hồ sơ ${row.code}` });
    expect(screen.getByText('Thôn 3, xã Yên Sơn')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Thành phần hồ sơ đã nhận' })).getByRole('listitem')).toHaveTextContent(form);
    expect(screen.getByText('Miễn phí')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Quá trình xử lý' })).getByText(/cán bộ Nguyễn Thị Lan/)).toBeInTheDocument();
  });

  it('corrects applicant fields and documents with a reason, as one dossier.updated op shown in the timeline', async () => {
    const row = await seedOne();
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Sửa thông tin hồ sơ' }));
    const correction = screen.getByRole('form', { name: 'Sửa thông tin đã tiếp nhận' });
    const name = within(correction).getByLabelText('Họ và tên');
    await user.clear(name);
    await user.type(name, 'Nguyễn Văn Ân');
    await user.type(within(correction).getByLabelText('Số điện thoại'), '024 3826 1234');
    await user.click(within(correction).getByRole('checkbox', { name: birthPaper }));

    // No reason, no correction.
    await user.click(within(correction).getByRole('button', { name: 'Lưu và in lại giấy hẹn' }));
    expect(within(correction).getByText('Vui lòng ghi lý do sửa.')).toBeInTheDocument();
    expect(await db.ops.where('type').equals('dossier.updated').count()).toBe(0);

    await user.type(within(correction).getByLabelText('Lý do sửa'), 'Ghi sai dấu tên');
    await user.click(within(correction).getByRole('button', { name: 'Lưu và in lại giấy hẹn' }));
    const [op] = await db.ops.where('type').equals('dossier.updated').toArray();
    expect(op.data).toEqual({
      staffId: demoConfig.staff[0].id,
      reason: 'Ghi sai dấu tên',
      changes: { 'applicant.name': 'Nguyễn Văn Ân', 'applicant.phone': '02438261234', documents: [form, birthPaper] },
    });
    // The slip is next, to be reprinted with the correction.
    expect(window.location.hash).toBe(`#/d/${row.id}/slip`);
    const stored = await db.dossiers.get(row.id);
    expect(stored!.applicant).toEqual({ name: 'Nguyễn Văn Ân', idNumber: '001085123456', phone: '02438261234', address: 'Thôn 3, xã Yên Sơn' });

    const timeline = await screen.findByRole('region', { name: 'Quá trình xử lý' });
    const corrected = within(timeline).getByText('Sửa thông tin').closest('li')!;
    expect(corrected).toHaveTextContent('cán bộ Nguyễn Thị Lan');
    expect(corrected).toHaveTextContent('Ghi sai dấu tên');
    expect(corrected).toHaveTextContent('Họ và tên: Nguyễn Văn Ân');
  });

  it('refuses a correction that changes nothing or holds a bad phone', async () => {
    const row = await seedOne();
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Sửa thông tin hồ sơ' }));
    const correction = screen.getByRole('form', { name: 'Sửa thông tin đã tiếp nhận' });
    await user.type(within(correction).getByLabelText('Lý do sửa'), 'Thử');
    await user.click(within(correction).getByRole('button', { name: 'Lưu và in lại giấy hẹn' }));
    expect(within(correction).getByRole('alert')).toHaveTextContent('Chưa có thông tin nào thay đổi.');
    await user.type(within(correction).getByLabelText('Số điện thoại'), '0123456789');
    await user.click(within(correction).getByRole('button', { name: 'Lưu và in lại giấy hẹn' }));
    expect(within(correction).getByText('Số điện thoại di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09.')).toBeInTheDocument();
    expect(await db.ops.where('type').equals('dossier.updated').count()).toBe(0);
  });
});

describe('receipt slip', () => {
  it('is printed in Vietnamese with the fee even when the clerk works in English', async () => {
    const row = await seedOne();
    await setLanguage('en');
    render(<ReceiptSlip id={row.id} config={demoConfig} />);
    expect(await screen.findByRole('heading', { name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' })).toBeInTheDocument();
    expect(screen.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeInTheDocument();
    expect(screen.getByText('Phí, lệ phí')).toBeInTheDocument();
    expect(screen.getByText('Miễn phí')).toBeInTheDocument();
    expect(screen.queryByText(/DOSSIER RECEIPT/)).not.toBeInTheDocument();
    // The buttons around the paper follow the clerk's language.
    expect(screen.getByRole('button', { name: 'Print slip' })).toBeInTheDocument();
  });
});
