import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LetterList } from '../../../src/features/letters/LetterList';
import { LetterIssue } from '../../../src/features/letters/LetterIssue';
import { LetterView } from '../../../src/features/letters/LetterView';
import { useSession } from '../../../src/app/stores';
import { db } from '../../../src/app/db';
import { receiveDossier, recordOp } from '../../../src/db';
import { vnYear } from '../../../src/domain';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';

const [lan, minh, hung] = demoConfig.staff;

/** A death registration received and returned today: it calls for the condolence letter. */
async function returnedDeath() {
  await setUpDemoTablet(db);
  useSession.getState().signIn({ id: lan.id, name: lan.name });
  const now = new Date();
  const row = await receiveDossier(db, { ...counterIntake('Lê Thị Mai'), procedureId: 'khai-tu', dueAt: new Date(now.getTime() + 86_400_000).toISOString() }, now);
  for (const action of ['start-processing', 'mark-result-ready', 'return-result'])
    await recordOp(db, 'dossier.transitioned', row.id, { action, staffId: lan.id, ...(action === 'return-result' ? { citizenInformed: true } : {}) });
  return row;
}

describe('letters: suggested → adjusted → issued → delivered', () => {
  it('walks the whole flow for a condolence letter', async () => {
    const row = await returnedDeath();
    const user = userEvent.setup();

    const list = render(<LetterList config={demoConfig} />);
    const suggested = await screen.findByRole('region', { name: 'Gợi ý chưa phát hành' });
    const link = within(suggested).getByRole('link', { name: `Soạn thư chia buồn cho hồ sơ ${row.code}` });
    expect(link).toHaveAttribute('href', `#/letters/new/${row.id}/condolence`);
    expect(within(screen.getByRole('region', { name: 'Thư chưa trao' })).getByText('Không có thư nào chờ trao.')).toBeInTheDocument();
    list.unmount();

    const issue = render(<LetterIssue dossierId={row.id} kind="condolence" config={demoConfig} />);
    const text = (await screen.findByLabelText('Nội dung thư (có thể sửa trước khi phát hành)')) as HTMLTextAreaElement;
    expect(text.value).toContain('Kính gửi ông/bà Lê Thị Mai và gia đình');
    expect(text.value).toContain('UBND xã Tân Lập vô cùng thương tiếc');
    expect(text.value).toContain(lan.name);
    // Another signer re-merges the text.
    await user.selectOptions(screen.getByLabelText('Người ký'), minh.id);
    expect(text.value).toContain(minh.name);
    // The clerk adjusts the text before issuing.
    await user.type(text, '{End}\nThành kính phân ưu.');
    await user.click(screen.getByRole('button', { name: 'Phát hành thư' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/letters\/[0-9a-f-]{36}$/));
    const letterId = window.location.hash.slice('#/letters/'.length);
    const stored = await db.letters.get(letterId);
    expect(stored).toMatchObject({ kind: 'condolence', templateId: 'condolence', templateVersion: 1, dossierId: row.id, recipientName: 'Lê Thị Mai', staffId: lan.id });
    expect(stored!.body).toMatch(/Thành kính phân ưu\.$/);
    expect((await db.ops.where('entityId').equals(letterId).first())?.type).toBe('letter.issued');
    issue.unmount();

    const after = render(<LetterList config={demoConfig} />);
    const toDeliver = await screen.findByRole('region', { name: 'Thư chưa trao' });
    await within(toDeliver).findByRole('link', { name: 'Thư chia buồn — Lê Thị Mai' });
    expect(within(screen.getByRole('region', { name: 'Gợi ý chưa phát hành' })).getByText('Không có gợi ý nào.')).toBeInTheDocument();
    after.unmount();

    render(<LetterView id={letterId} config={demoConfig} />);
    const paper = await screen.findByRole('article', { name: 'THƯ CHIA BUỒN' });
    expect(within(paper).getByText(/Thành kính phân ưu\./)).toBeInTheDocument();
    expect(within(paper).getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Trao tại nhà' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận đã trao thư' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/Đã trao ngày \d\d\/\d\d\/\d{4} — Trao tại nhà/);
    expect((await db.letters.get(letterId))?.delivered).toMatchObject({ staffId: lan.id, method: 'at-home' });
  });

  it('lets a letter without a dossier name its recipient and occasion, and says which fields are blank', async () => {
    await setUpDemoTablet(db);
    // A leader: only a leader issues letters without a dossier (next test).
    useSession.getState().signIn({ id: hung.id, name: hung.name });
    const user = userEvent.setup();
    render(<LetterIssue kind="longevity" config={demoConfig} />);
    const text = (await screen.findByLabelText('Nội dung thư (có thể sửa trước khi phát hành)')) as HTMLTextAreaElement;
    expect(screen.getByRole('note')).toHaveTextContent('Còn thiếu: recipientName, occasion');
    await user.click(screen.getByRole('button', { name: 'Phát hành thư' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Ghi tên người nhận.');
    await user.type(screen.getByLabelText('Người nhận'), 'Lê Văn Thọ');
    await user.type(screen.getByLabelText('Nhân dịp'), 'mừng thọ 80 tuổi');
    expect(text.value).toContain('Kính gửi cụ Lê Văn Thọ');
    expect(text.value).toContain('Nhân dịp mừng thọ 80 tuổi');
    expect(screen.queryByRole('note')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Phát hành thư' }));
    await waitFor(async () => expect(await db.letters.count()).toBe(1));
    expect((await db.letters.toArray())[0]).toMatchObject({ kind: 'longevity', recipientName: 'Lê Văn Thọ', occasion: 'mừng thọ 80 tuổi' });
    expect((await db.letters.toArray())[0].dossierId).toBeUndefined();
  });

  it('offers letters without a dossier to a leader only: a clerk sees why, on the list and on the form', async () => {
    await setUpDemoTablet(db);
    useSession.getState().signIn({ id: minh.id, name: minh.name });
    const list = render(<LetterList config={demoConfig} />);
    expect(await screen.findByRole('note')).toHaveTextContent('Chỉ lãnh đạo xã phát hành thư không theo hồ sơ');
    expect(screen.queryByRole('link', { name: /Thư không theo hồ sơ/ })).toBeNull();
    list.unmount();
    const form = render(<LetterIssue kind="thanks" config={demoConfig} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Chỉ lãnh đạo xã phát hành thư không theo hồ sơ');
    expect(screen.queryByRole('button', { name: 'Phát hành thư' })).toBeNull();
    form.unmount();

    useSession.getState().signIn({ id: hung.id, name: hung.name });
    render(<LetterList config={demoConfig} />);
    expect(await screen.findByRole('link', { name: 'Thư không theo hồ sơ: Thư mừng thọ' })).toHaveAttribute('href', '#/letters/new/-/longevity');
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('longevity letters for people served at home', () => {
  const year = vnYear(new Date());

  async function client(name: string, birthYear: number) {
    const id = crypto.randomUUID();
    await recordOp(db, 'home.client-registered', id, { name, address: 'Xóm 2, thôn Đông', village: 'Thôn Đông', birthYear, reason: 'elderly', consent: true });
    return id;
  }

  it('suggests a letter to a home client turning 80 this year, issued by a leader from the suggestion with the name and age merged, then settled', async () => {
    await setUpDemoTablet(db);
    useSession.getState().signIn({ id: hung.id, name: hung.name });
    const tho = await client('Lê Văn Thọ', year - 80);
    await client('Bà Nguyễn Thị Tư', year - 81); // 81: no letter this year
    const user = userEvent.setup();

    const list = render(<LetterList config={demoConfig} />);
    const suggested = await screen.findByRole('region', { name: 'Gợi ý chưa phát hành' });
    const link = await within(suggested).findByRole('link', { name: 'Thư mừng thọ 80 tuổi — Lê Văn Thọ' });
    expect(link).toHaveAttribute('href', `#/letters/new/client/${tho}`);
    expect(within(suggested).queryByText(/Nguyễn Thị Tư/)).toBeNull();
    list.unmount();

    const issue = render(<LetterIssue clientId={tho} kind="longevity" config={demoConfig} />);
    const text = (await screen.findByLabelText('Nội dung thư (có thể sửa trước khi phát hành)')) as HTMLTextAreaElement;
    expect(screen.getByLabelText('Người nhận')).toHaveValue('Lê Văn Thọ');
    expect(screen.getByLabelText('Nhân dịp')).toHaveValue('mừng thọ 80 tuổi');
    expect(text.value).toContain('Kính gửi cụ Lê Văn Thọ');
    expect(text.value).toContain('Nhân dịp mừng thọ 80 tuổi');
    await user.click(screen.getByRole('button', { name: 'Phát hành thư' }));
    await waitFor(async () => expect(await db.letters.count()).toBe(1));
    const op = (await db.ops.where('type').equals('letter.issued').first())!;
    expect(op.data).toMatchObject({ kind: 'longevity', clientId: tho, recipientName: 'Lê Văn Thọ', occasion: 'mừng thọ 80 tuổi' });
    expect(op.data.dossierId).toBeUndefined();
    issue.unmount();

    render(<LetterList config={demoConfig} />);
    expect(await within(await screen.findByRole('region', { name: 'Thư chưa trao' })).findByRole('link', { name: 'Thư mừng thọ — Lê Văn Thọ' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Gợi ý chưa phát hành' })).getByText('Không có gợi ý nào.')).toBeInTheDocument();
  });

  it('shows a clerk the suggestion without a link', async () => {
    await setUpDemoTablet(db);
    useSession.getState().signIn({ id: lan.id, name: lan.name });
    await client('Lê Văn Thọ', year - 90);
    render(<LetterList config={demoConfig} />);
    const suggested = await screen.findByRole('region', { name: 'Gợi ý chưa phát hành' });
    expect(await within(suggested).findByText('Thư mừng thọ 90 tuổi — Lê Văn Thọ')).toBeInTheDocument();
    expect(within(suggested).queryByRole('link')).toBeNull();
  });
});
