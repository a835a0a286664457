import { describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntakeForm } from '../../../src/features/dossiers/IntakeForm';
import { useSession, useUnsaved } from '../../../src/app/stores';
import { db } from '../../../src/app/db';
import { demoConfig, setUpDemoTablet } from '../../support/fixtures';

async function renderIntake() {
  await setUpDemoTablet(db);
  useSession.getState().signIn({ id: demoConfig.staff[0].id, name: demoConfig.staff[0].name });
  const user = userEvent.setup();
  render(<IntakeForm config={demoConfig} now={() => new Date('2026-03-10T02:00:00Z')} />);
  await screen.findByLabelText(/Họ và tên/); // the officer's draft, if any, is read first
  return user;
}

async function pickBirthRegistration(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('searchbox', { name: 'Tìm thủ tục' }), 'dang ky khai sinh');
  await user.click(screen.getAllByRole('radio', { name: /^Đăng ký khai sinh/ })[0]);
}

describe('intake form', () => {
  it('refuses an empty dossier and says what is missing, storing nothing', async () => {
    const user = await renderIntake();
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }));
    expect(screen.getByText('Vui lòng chọn thủ tục.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập họ và tên người nộp.')).toBeInTheDocument();
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.ops.count()).toBe(0);
  });

  it('validates citizen ID and phone with clear messages', async () => {
    const user = await renderIntake();
    await user.type(screen.getByLabelText('Số định danh cá nhân (CCCD)'), '12345');
    await user.type(screen.getByLabelText('Số điện thoại'), '0123456789');
    await user.click(screen.getByLabelText(/Họ và tên/));
    expect(screen.getByText('Số định danh cá nhân phải có đúng 12 chữ số.')).toBeInTheDocument();
    expect(screen.getByText('Số điện thoại di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09.')).toBeInTheDocument();
    expect(screen.getByLabelText('Số điện thoại')).toHaveAttribute('aria-invalid', 'true');
  });

  it('takes a landline as DESIGN.md 1.1 says, and says how a landline is written when it is short', async () => {
    const user = await renderIntake();
    const phone = screen.getByLabelText('Số điện thoại');
    expect(phone).toHaveAccessibleDescription('Di động 10 số, hoặc máy bàn có mã vùng (024 3826 1234).');
    await user.type(phone, '024 3826 1234');
    await user.click(screen.getByLabelText(/Họ và tên/));
    expect(phone).toHaveAttribute('aria-invalid', 'false');
    await user.clear(phone);
    await user.type(phone, '024 3826');
    await user.click(screen.getByLabelText(/Họ và tên/));
    expect(screen.getByText('Số máy bàn có 10 hoặc 11 chữ số, mã vùng trước (ví dụ 024 3826 1234).')).toBeInTheDocument();
  });

  it('finds procedures without diacritics and lists their required documents', async () => {
    const user = await renderIntake();
    await user.type(screen.getByRole('searchbox', { name: 'Tìm thủ tục' }), 'ket hon');
    const options = screen.getAllByRole('radio', { name: /kết hôn/i });
    expect(options.length).toBeGreaterThan(0);
    expect(screen.queryByRole('radio', { name: /^Đăng ký khai tử/ })).not.toBeInTheDocument();
  });

  it('blocks a dossier with missing required documents, then receives it when complete', async () => {
    const user = await renderIntake();
    await pickBirthRegistration(user);
    await user.type(screen.getByLabelText(/Họ và tên/), 'Nguyễn Thị Hòa');
    await user.type(screen.getByLabelText('Số điện thoại'), '+84 912 345 678');
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Còn thiếu giấy tờ bắt buộc');
    expect(await db.dossiers.count()).toBe(0);

    const procedure = demoConfig.procedures.find((p) => p.name.startsWith('Đăng ký khai sinh'))!;
    for (const doc of procedure.documents.filter((d) => d.required)) {
      await user.click(screen.getByRole('checkbox', { name: new RegExp(doc.name.replace(/[()]/g, '.')) }));
    }
    await user.click(screen.getByRole('switch', { name: /Ngày không viết/ }));
    expect(useUnsaved.getState().dirty.intake).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }));

    await waitFor(async () => expect(await db.dossiers.count()).toBe(1));
    const [row] = await db.dossiers.toArray();
    expect(row.applicant).toEqual({ name: 'Nguyễn Thị Hòa', phone: '0912345678' });
    expect(row.writtenByStaff).toBe(true);
    expect(row.status).toBe('received');
    expect(row.dueAt > row.receivedAt).toBe(true);
    const [op] = await db.ops.toArray();
    expect(op).toMatchObject({ type: 'dossier.received', state: 'pending', deviceSeq: 1, entityId: row.id });
    expect(window.location.hash).toBe(`#/d/${row.id}/slip`);
    expect(useUnsaved.getState().dirty.intake).toBeUndefined();
  });

  it('keeps a half-filled intake as the officer\'s draft through navigation and reloads, until discarded', async () => {
    let user = await renderIntake();
    await pickBirthRegistration(user);
    await user.type(screen.getByLabelText(/Họ và tên/), 'Trần Thị Nháp');
    await user.type(screen.getByLabelText('Số điện thoại'), '024 3826 1234');
    await user.click(screen.getByRole('switch', { name: /Ngày không viết/ }));
    await waitFor(async () => expect((await db.meta.get(`draft:intake:${demoConfig.staff[0].id}`))?.value).toMatchObject({ name: 'Trần Thị Nháp' }));
    cleanup(); // the clerk taps "Danh sách hồ sơ", or the tablet reloads: the form is gone

    user = userEvent.setup();
    render(<IntakeForm config={demoConfig} />);
    expect(await screen.findByLabelText(/Họ và tên/)).toHaveValue('Trần Thị Nháp');
    expect(screen.getByLabelText('Số điện thoại')).toHaveValue('024 3826 1234');
    expect(screen.getByRole('switch', { name: /Ngày không viết/ })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Đã mở lại bản nháp chưa tiếp nhận của bạn.');
    cleanup();

    // Another officer on the same tablet starts from a blank form: drafts are per officer.
    useSession.getState().signIn({ id: demoConfig.staff[1].id, name: demoConfig.staff[1].name });
    render(<IntakeForm config={demoConfig} />);
    expect(await screen.findByLabelText(/Họ và tên/)).toHaveValue('');
    cleanup();

    useSession.getState().signIn({ id: demoConfig.staff[0].id, name: demoConfig.staff[0].name });
    render(<IntakeForm config={demoConfig} />);
    expect(await screen.findByLabelText(/Họ và tên/)).toHaveValue('Trần Thị Nháp');
    await user.click(screen.getByRole('button', { name: 'Bỏ bản nháp' }));
    expect(screen.getByLabelText(/Họ và tên/)).toHaveValue('');
    await waitFor(async () => expect(await db.meta.get(`draft:intake:${demoConfig.staff[0].id}`)).toBeUndefined());
    expect(useUnsaved.getState().dirty.intake).toBeUndefined();
  });

  it('drops the draft once the dossier is received', async () => {
    const user = await renderIntake();
    await pickBirthRegistration(user);
    await user.type(screen.getByLabelText(/Họ và tên/), 'Nguyễn Thị Hòa');
    const procedure = demoConfig.procedures.find((p) => p.name.startsWith('Đăng ký khai sinh'))!;
    for (const doc of procedure.documents.filter((d) => d.required)) {
      await user.click(screen.getByRole('checkbox', { name: new RegExp(doc.name.replace(/[()]/g, '.')) }));
    }
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }));
    await waitFor(async () => expect(await db.dossiers.count()).toBe(1));
    await waitFor(async () => expect(await db.meta.get(`draft:intake:${demoConfig.staff[0].id}`)).toBeUndefined());
  });
});
