import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DossierList } from '../../../src/features/dossiers/DossierList';
import { db } from '../../../src/app/db';
import { receiveDossier, recordOp } from '../../../src/db';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';

const NOW = new Date('2026-03-10T03:00:00Z'); // Tuesday 10:00 in Vietnam

async function seed() {
  await setUpDemoTablet(db);
  const staffId = demoConfig.staff[0].id;
  const make = (name: string, dueAt: string, extra: Record<string, string> = {}) =>
    receiveDossier(db, { ...counterIntake(name), documents: [], applicant: { name, ...extra }, dueAt }, new Date('2026-03-02T02:00:00Z'));
  const late = await make('Nguyễn Thị Hòa', '2026-03-09T10:00:00Z', { phone: '0912345678' });
  const today = await make('Đỗ Văn Đức', '2026-03-10T10:00:00Z', { idNumber: '001203012345' });
  const tomorrow = await make('Phạm Minh Châu', '2026-03-11T10:00:00Z');
  const later = await make('Lê Văn Tám', '2026-03-20T10:00:00Z');
  const done = await make('Hoàng Thị Nga', '2026-03-05T10:00:00Z');
  await recordOp(db, 'dossier.transitioned', done.id, { action: 'refuse', staffId, reason: 'Không thuộc thẩm quyền' });
  return { late, today, tomorrow, later, done };
}

function names() {
  return screen.queryAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1].textContent);
}

describe('dossier list', () => {
  it('filters open, due today, due within a working day and overdue dossiers', async () => {
    await seed();
    const user = userEvent.setup();
    render(<DossierList config={demoConfig} now={() => NOW} />);
    await screen.findByRole('table');
    expect(names()).toEqual(['Nguyễn Thị Hòa', 'Đỗ Văn Đức', 'Phạm Minh Châu', 'Lê Văn Tám']);

    await user.click(screen.getByRole('button', { name: 'Quá hạn' }));
    await screen.findByRole('cell', { name: 'Nguyễn Thị Hòa' });
    // The list keeps the previous filter's rows until the new query answers.
    await waitFor(() => expect(names()).toEqual(['Nguyễn Thị Hòa']));

    await user.click(screen.getByRole('button', { name: 'Đến hạn hôm nay' }));
    await screen.findByRole('cell', { name: 'Đỗ Văn Đức' });
    await waitFor(() => expect(names()).toEqual(['Đỗ Văn Đức']));

    await user.click(screen.getByRole('button', { name: 'Đến hạn trong 1 ngày làm việc' }));
    await screen.findByRole('cell', { name: 'Phạm Minh Châu' });
    await waitFor(() => expect(names()).toEqual(['Đỗ Văn Đức', 'Phạm Minh Châu']));

    await user.click(screen.getByRole('button', { name: 'Tất cả' }));
    await screen.findByRole('cell', { name: 'Hoàng Thị Nga' });
    await waitFor(() => expect(names()).toHaveLength(5));
  });

  it('filters by status', async () => {
    await seed();
    const user = userEvent.setup();
    render(<DossierList config={demoConfig} now={() => NOW} />);
    await user.click(await screen.findByRole('button', { name: 'Tất cả' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trạng thái' }), 'refused');
    await screen.findByRole('cell', { name: 'Hoàng Thị Nga' });
    await waitFor(() => expect(names()).toEqual(['Hoàng Thị Nga']));
  });

  it('searches by name without diacritics, by code, ID number and phone', async () => {
    const { today } = await seed();
    const user = userEvent.setup();
    render(<DossierList config={demoConfig} now={() => NOW} />);
    const search = await screen.findByRole('searchbox', { name: 'Tìm hồ sơ' });

    const searchFor = async (query: string, expected: string[]) => {
      await user.clear(search);
      await user.click(search);
      await user.paste(query);
      await waitFor(() => expect(names()).toEqual(expected));
    };
    await searchFor('nguyen thi hoa', ['Nguyễn Thị Hòa']);
    await searchFor('do van duc', ['Đỗ Văn Đức']);
    await searchFor(today.code, ['Đỗ Văn Đức']);
    await searchFor('001203012345', ['Đỗ Văn Đức']);
    await searchFor('0912345678', ['Nguyễn Thị Hòa']);
    await searchFor('pham chau', ['Phạm Minh Châu']);

    await user.clear(search);
    await user.type(search, 'khong co ai');
    expect(await screen.findByText('Không có hồ sơ nào.')).toBeInTheDocument();
  });

  it('searches every status whatever the filter: a returned dossier is found by name under the default filter', async () => {
    const { done } = await seed();
    const user = userEvent.setup();
    render(<DossierList config={demoConfig} now={() => NOW} />);
    expect(screen.getByRole('button', { name: 'Đang giải quyết' })).toHaveAttribute('aria-pressed', 'true');
    await user.type(await screen.findByRole('searchbox', { name: 'Tìm hồ sơ' }), 'hoang thi nga');
    // The filter narrows, and says so; the hit it leaves out is shown apart, with a way to every status.
    expect(await screen.findByText('Không có hồ sơ nào trong bộ lọc này.')).toBeInTheDocument();
    const outside = await screen.findByRole('region', { name: '1 hồ sơ khớp ở trạng thái khác' });
    expect(within(outside).getByRole('link', { name: done.code })).toBeInTheDocument();
    expect(within(outside).getByText('Từ chối tiếp nhận')).toBeInTheDocument();
    await user.click(within(outside).getByRole('button', { name: 'Xem mọi trạng thái' }));
    await waitFor(() => expect(names()).toEqual(['Hoàng Thị Nga']));
    expect(screen.getByRole('button', { name: 'Tất cả' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('region', { name: /trạng thái khác/ })).not.toBeInTheDocument();
  });

  it('finds dossiers by procedure name', async () => {
    const other = demoConfig.procedures[2]; // Đăng ký kết hôn
    await seed();
    await setUpDemoTablet(db);
    const staffId = demoConfig.staff[0].id;
    await receiveDossier(
      db,
      { procedureId: other.id, channel: 'counter', documents: [], writtenByStaff: false, staffId, applicant: { name: 'Trần Thị Bé' }, dueAt: '2026-03-20T10:00:00Z' },
      new Date('2026-03-02T02:00:00Z'),
    );
    const user = userEvent.setup();
    render(<DossierList config={demoConfig} now={() => NOW} />);
    await user.click(await screen.findByRole('searchbox', { name: 'Tìm hồ sơ' }));
    await user.paste('ket hon');
    await waitFor(() => expect(names()).toEqual(['Trần Thị Bé']));
  });

  it('moves the due date back by the working days spent waiting for a supplement', async () => {
    const { late } = await seed();
    const staffId = demoConfig.staff[0].id;
    // Due Monday 9 March; the citizen was asked for a paper on Tuesday 3 and brought it on Friday 6:
    // three working days (Wed, Thu, Fri) off the clock, so it is due Thursday 12 March.
    await recordOp(db, 'dossier.transitioned', late.id, { action: 'request-supplement', staffId, missingDocuments: ['Bản sao giấy khai sinh'] }, new Date('2026-03-03T02:00:00Z'));
    await recordOp(db, 'dossier.transitioned', late.id, { action: 'receive-supplement', staffId }, new Date('2026-03-06T02:00:00Z'));
    const user = userEvent.setup();
    render(<DossierList config={demoConfig} now={() => NOW} />);
    const row = (await screen.findByRole('cell', { name: 'Nguyễn Thị Hòa' })).closest('tr')!;
    expect(within(row).getByText(/12\/03\/2026/)).toBeInTheDocument();
    expect(within(row).queryByText(/Quá hạn/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Quá hạn' }));
    expect(await screen.findByText('Không có hồ sơ nào.')).toBeInTheDocument();
  });
});
