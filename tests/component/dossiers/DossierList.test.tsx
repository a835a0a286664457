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
    expect(names()).toEqual(['Nguyễn Thị Hòa']);

    await user.click(screen.getByRole('button', { name: 'Đến hạn hôm nay' }));
    await screen.findByRole('cell', { name: 'Đỗ Văn Đức' });
    expect(names()).toEqual(['Đỗ Văn Đức']);

    await user.click(screen.getByRole('button', { name: 'Đến hạn trong 1 ngày làm việc' }));
    await screen.findByRole('cell', { name: 'Phạm Minh Châu' });
    expect(names()).toEqual(['Đỗ Văn Đức', 'Phạm Minh Châu']);

    await user.click(screen.getByRole('button', { name: 'Tất cả' }));
    await screen.findByRole('cell', { name: 'Hoàng Thị Nga' });
    expect(names()).toHaveLength(5);
  });

  it('filters by status', async () => {
    await seed();
    const user = userEvent.setup();
    render(<DossierList config={demoConfig} now={() => NOW} />);
    await user.click(await screen.findByRole('button', { name: 'Tất cả' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trạng thái' }), 'refused');
    await screen.findByRole('cell', { name: 'Hoàng Thị Nga' });
    expect(names()).toEqual(['Hoàng Thị Nga']);
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
});
