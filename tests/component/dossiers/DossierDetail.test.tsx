import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DossierDetail } from '../../../src/features/dossiers/DossierDetail';
import { useSession } from '../../../src/app/stores';
import { db } from '../../../src/app/db';
import { receiveDossier } from '../../../src/db';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';

async function seedOne() {
  await setUpDemoTablet(db);
  const staff = demoConfig.staff[0];
  useSession.getState().signIn({ id: staff.id, name: staff.name });
  return receiveDossier(db, { ...counterIntake('Nguyễn Văn An'), documents: [], dueAt: '2026-03-12T10:00:00Z' });
}

const actionNames = () =>
  screen.getAllByRole('button').map((b) => b.textContent).filter((n) => n !== 'Hủy' && n !== 'Xác nhận');

describe('dossier detail', () => {
  it('offers only the actions valid in the dossier state', async () => {
    const row = await seedOne();
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await screen.findByRole('heading', { name: `Hồ sơ ${row.code}` });
    expect(actionNames()).toEqual(expect.arrayContaining(['Chuyển xử lý', 'Yêu cầu bổ sung', 'Từ chối']));
    expect(actionNames()).not.toContain('Trả kết quả');

    await user.click(screen.getByRole('button', { name: 'Chuyển xử lý' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Đang xử lý', { selector: '.badge' });
    expect(actionNames()).toContain('Đã có kết quả');
    expect(actionNames()).not.toContain('Chuyển xử lý');

    await user.click(screen.getByRole('button', { name: 'Đã có kết quả' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await user.click(await screen.findByRole('button', { name: 'Trả kết quả' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Đã trả kết quả', { selector: '.badge' });
    expect(screen.getByText('Hồ sơ đã kết thúc, không còn thao tác nào.')).toBeInTheDocument();
    expect(await db.ops.count()).toBe(4);
  });

  it('asks for a reason before refusing and for missing documents before a supplement request', async () => {
    const row = await seedOne();
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);

    await user.click(await screen.findByRole('button', { name: 'Yêu cầu bổ sung' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Chọn ít nhất một giấy tờ cần bổ sung.');
    await user.type(screen.getByLabelText('Giấy tờ khác'), 'Giấy chứng sinh bản chính');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Chờ bổ sung', { selector: '.badge' });
    expect(screen.getByText(/Giấy chứng sinh bản chính/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Từ chối' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Vui lòng ghi rõ lý do.');
    await user.type(screen.getByLabelText('Lý do'), 'Không thuộc thẩm quyền của xã');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Từ chối tiếp nhận', { selector: '.badge' });
  });

  it('apologises and extends with a new due date after the old one', async () => {
    const row = await seedOne();
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Xin lỗi và hẹn lại' }));
    await user.type(screen.getByLabelText('Lý do'), 'Chờ xác minh');
    await user.type(screen.getByLabelText('Ngày hẹn trả mới'), '2026-03-11');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Ngày hẹn mới phải sau ngày hẹn cũ.');
    await user.clear(screen.getByLabelText('Ngày hẹn trả mới'));
    await user.type(screen.getByLabelText('Ngày hẹn trả mới'), '2026-03-19');
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(async () => expect((await db.dossiers.get(row.id))?.extended).toBe(true));
    expect((await db.dossiers.get(row.id))?.dueAt).toBe('2026-03-19T10:00:00.000Z');
  });
});
