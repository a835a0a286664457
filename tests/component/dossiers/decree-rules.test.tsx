import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DossierDetail } from '../../../src/features/dossiers/DossierDetail';
import { useSession } from '../../../src/app/stores';
import { db } from '../../../src/app/db';
import { receiveDossier, recordOp } from '../../../src/db';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';

const [lan, minh] = demoConfig.staff;

async function seedOne(dueInDays = 10) {
  await setUpDemoTablet(db);
  useSession.getState().signIn({ id: lan.id, name: lan.name });
  return receiveDossier(db, { ...counterIntake('Nguyễn Văn An'), dueAt: new Date(Date.now() + dueInDays * 86_400_000).toISOString() });
}
const act = (id: string, action: string, extra: Record<string, unknown> = {}) => recordOp(db, 'dossier.transitioned', id, { action, staffId: lan.id, ...extra });

describe('the decree’s rules on the dossier', () => {
  it('refuses a second supplement request with the reason, and a second extension', async () => {
    const row = await seedOne();
    await act(row.id, 'request-supplement', { missingDocuments: ['Tờ khai'] });
    await act(row.id, 'receive-supplement');
    await act(row.id, 'start-processing');
    await act(row.id, 'apologize-extend', { reason: 'Chờ xác minh', newDueAt: new Date(Date.now() + 20 * 86_400_000).toISOString() });
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Yêu cầu bổ sung' }));
    expect(screen.getByRole('alert')).toHaveTextContent('chỉ được yêu cầu bổ sung một lần');
    expect(screen.getByRole('button', { name: 'Xác nhận' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Xin lỗi và hẹn lại' }));
    expect(screen.getByRole('alert')).toHaveTextContent('chỉ được gia hạn một lần');
    expect(screen.getByRole('button', { name: 'Xác nhận' })).toBeDisabled();
    expect(await db.ops.count()).toBe(5);
  });

  it('warns that an apology on the due day is later than the decree allows, but records it', async () => {
    const row = await seedOne(0.01);
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Xin lỗi và hẹn lại' }));
    expect(screen.getByRole('note')).toHaveTextContent('chậm nhất một ngày làm việc trước ngày hẹn trả');
  });

  it('asks whether the citizen was told before an early return', async () => {
    const row = await seedOne();
    await act(row.id, 'start-processing');
    await act(row.id, 'mark-result-ready');
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Trả kết quả' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(screen.getByRole('alert')).toHaveTextContent('báo cho công dân trước');
    await user.click(screen.getByRole('checkbox', { name: 'Đã báo trước cho công dân về việc trả kết quả sớm' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Đã trả kết quả', { selector: '.badge' });
    const timeline = within(screen.getByRole('region', { name: 'Quá trình xử lý' }));
    expect(timeline.getByText(/đã báo trước cho công dân/)).toBeInTheDocument();
  });

  it('hands the dossier over to another officer: the timeline and form 06 show it', async () => {
    const row = await seedOne();
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Bàn giao hồ sơ' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Chọn cán bộ nhận hoặc ghi cơ quan nhận.');
    await user.selectOptions(screen.getByLabelText('Cán bộ nhận'), minh.id);
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    const timeline = within(screen.getByRole('region', { name: 'Quá trình xử lý' }));
    await waitFor(() => expect(timeline.getByText(`— chuyển cho ${minh.name}`)).toBeInTheDocument());
    expect(screen.getByText('Mới tiếp nhận', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'In phiếu kiểm soát (mẫu 06)' })).toHaveAttribute('href', `#/d/${row.id}/paper/06`);
  });
});

describe('the supplement request', () => {
  it('asks why (for form 02) without requiring it', async () => {
    const row = await seedOne();
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Yêu cầu bổ sung' }));
    await user.type(screen.getByLabelText('Giấy tờ khác'), 'Giấy xác nhận cư trú');
    await user.type(screen.getByLabelText('Lý do'), 'Chưa có xác nhận nơi cư trú');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Chờ bổ sung', { selector: '.badge' });
    const op = (await db.ops.where('type').equals('dossier.transitioned').toArray())[0];
    expect(op.data).toMatchObject({ missingDocuments: ['Giấy xác nhận cư trú'], reason: 'Chưa có xác nhận nơi cư trú' });
    // Offered at once, beside the actions, and among the dossier's papers for a reprint.
    expect(screen.getByRole('status')).toHaveTextContent('Đã ghi nhận. In ngay:');
    const offers = screen.getAllByRole('link', { name: 'In phiếu yêu cầu bổ sung (mẫu 02)' });
    expect(offers.map((a) => a.getAttribute('href'))).toEqual([`#/d/${row.id}/paper/02`, `#/d/${row.id}/paper/02`]);
  });
});
