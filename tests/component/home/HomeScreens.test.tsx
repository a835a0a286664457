import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDaysToKey, newId, vnDateKey } from '../../../src/domain';
import { recordOp, setUpDevice } from '../../../src/db';
import { db } from '../../../src/app/db';
import { useSession } from '../../../src/app/stores';
import { CounterRoutes } from '../../../src/features/counter/CounterRoutes';
import { demoConfig, testDevice } from '../../support/fixtures';
import { stubCanvas } from './canvas';

const lan = demoConfig.staff[0];
const today = vnDateKey(new Date());

async function setUp(kind: 'mobile' | 'counter') {
  await setUpDevice(db, { ...testDevice(), kind }, demoConfig);
  useSession.getState().signIn({ id: lan.id, name: lan.name });
}

function open(path: string) {
  window.location.hash = `#${path}`;
  render(<CounterRoutes config={demoConfig} />);
}

async function registered(name: string, village: string, over: Record<string, unknown> = {}) {
  const id = newId();
  await recordOp(db, 'home.client-registered', id, { name, address: `Số 1, ${village}`, village, reason: 'elderly', consent: true, ...over });
  return id;
}

async function planned(clientId: string, date: string, over: Record<string, unknown> = {}) {
  const id = newId();
  await recordOp(db, 'home.visit-planned', id, { clientId, date, purpose: 'receive', staffId: lan.id, ...over });
  return id;
}

describe('home service on the tablet', () => {
  beforeEach(() => stubCanvas());
  beforeEach(async () => setUp('mobile'));

  it('opens a mobile tablet on the day plan: walking order by village, overdue visits, what is missing on the tablet', async () => {
    const hoa = await registered('Nguyễn Thị Hòa', 'Thôn Đông');
    const an = await registered('Lê Văn An', 'Thôn Bắc');
    const tu = await registered('Bà Tư', 'Thôn Nam');
    await planned(hoa, today);
    await planned(an, today, { dossierId: newId(), purpose: 'return' }); // its dossier never reached this tablet
    await planned(tu, addDaysToKey(today, -2));
    open('/');

    expect(await screen.findByRole('heading', { name: 'Lịch thăm hôm nay' })).toBeInTheDocument();
    const day = screen.getByRole('list', { name: 'Các chuyến thăm trong ngày, theo thôn xóm' });
    const rows = within(day).getAllByRole('listitem');
    expect(rows.map((r) => within(r).getByRole('link').querySelector('strong')?.textContent)).toEqual(['Lê Văn An', 'Nguyễn Thị Hòa']);
    expect(await within(rows[0]).findByRole('note')).toHaveTextContent('Thiếu trên máy: hồ sơ');
    expect(screen.getByRole('heading', { name: 'Quá hẹn chưa thăm (1)' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Chuyến thăm quá hẹn' })).getByText('Bà Tư')).toBeInTheDocument();
  });

  it('receives at home by default on a mobile tablet', async () => {
    open('/new');
    expect(await screen.findByRole('radio', { name: 'Tại nhà' })).toBeChecked();
  });

  it('keeps the counter default at the counter', async () => {
    await setUp('counter');
    open('/new');
    expect(await screen.findByRole('radio', { name: 'Tại quầy' })).toBeChecked();
  });

  it('registers a person with consent and finds them without diacritics', async () => {
    const user = userEvent.setup();
    await setUp('counter');
    open('/home/clients/new');
    await user.type(await screen.findByLabelText(/Họ và tên/), 'Nguyễn Thị Hòa');
    await user.type(screen.getByLabelText(/Địa chỉ/), 'Số 5, xóm 2');
    await user.type(screen.getByLabelText('Thôn, xóm'), 'Thôn Đồng');
    await user.selectOptions(screen.getByLabelText('Lý do phục vụ tại nhà'), 'Người khuyết tật');
    await user.click(screen.getByRole('button', { name: 'Lưu vào danh sách' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cần người dân đồng ý trước khi lưu.');
    await user.click(screen.getByRole('checkbox', { name: 'Người dân đồng ý để xã lưu thông tin này' }));
    await user.click(screen.getByRole('button', { name: 'Lưu vào danh sách' }));
    expect(await screen.findByRole('heading', { name: 'Nguyễn Thị Hòa' })).toBeInTheDocument();
    const op = (await db.ops.toArray()).find((o) => o.type === 'home.client-registered')!;
    expect(op.data).toEqual({ name: 'Nguyễn Thị Hòa', address: 'Số 5, xóm 2', village: 'Thôn Đồng', reason: 'disabled', consent: true });

    window.location.hash = '#/home/clients';
    await user.type(await screen.findByRole('searchbox', { name: 'Tìm theo tên, thôn, địa chỉ, số điện thoại' }), 'nguyen thi hoa');
    const list = screen.getByRole('list', { name: 'Danh sách người cần phục vụ tại nhà' });
    await waitFor(() => expect(within(list).getByText('Nguyễn Thị Hòa')).toBeInTheDocument());
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'dong');
    await waitFor(() => expect(within(list).getByText('Nguyễn Thị Hòa')).toBeInTheDocument());
    await user.type(screen.getByRole('searchbox'), 'xyz');
    await waitFor(() => expect(within(list).getByText('Không tìm thấy ai.')).toBeInTheDocument());
  });

  it('clears a field the officer emptied: the update op carries it in `clear`, and the record no longer holds it', async () => {
    const user = userEvent.setup();
    const client = await registered('Bà Nguyễn Thị Tư', 'Thôn Đông', { phone: '0912345678', contact: 'Con gái: 0987654321' });
    open(`/home/clients/${client}/edit`);
    await user.clear(await screen.findByLabelText('Số điện thoại'));
    await user.clear(screen.getByLabelText('Người liên hệ (tên, số điện thoại)'));
    await user.type(screen.getByLabelText('Ghi chú'), 'Nằm liệt giường');
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByRole('heading', { name: 'Bà Nguyễn Thị Tư' })).toBeInTheDocument();
    const update = (await db.ops.toArray()).find((o) => o.type === 'home.client-updated')!;
    expect(update.data).toEqual({ changes: { note: 'Nằm liệt giường' }, clear: ['phone', 'contact'] });
    const row = (await db.homeClients.get(client))!;
    expect(row).toMatchObject({ name: 'Bà Nguyễn Thị Tư', note: 'Nằm liệt giường' });
    expect(row.phone).toBeUndefined();
    expect(row.contact).toBeUndefined();
    expect(screen.queryByRole('link', { name: '0912345678' })).toBeNull();
  });

  it('at the home: arrival, a dossier received with the address prefilled and a fingerprint, the outcome', async () => {
    const user = userEvent.setup();
    const client = await registered('Bà Nguyễn Thị Tư', 'Thôn Đông', { phone: '0912345678' });
    const visit = await planned(client, today, { procedureId: 'chung-thuc-chu-ky', purpose: 'certify' });
    open(`/home/v/${visit}`);

    await user.click(await screen.findByRole('button', { name: 'Đã đến nhà' }));
    expect(await screen.findByText(/^Đến lúc /)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Tiếp nhận hồ sơ tại nhà' }));
    expect(await screen.findByLabelText(/Họ và tên/)).toHaveValue('Bà Nguyễn Thị Tư');
    expect(screen.getByLabelText('Địa chỉ')).toHaveValue('Số 1, Thôn Đông');
    expect(screen.getByRole('radio', { name: 'Tại nhà' })).toBeChecked();
    for (const doc of demoConfig.procedures.find((p) => p.id === 'chung-thuc-chu-ky')!.documents.filter((d) => d.required))
      await user.click(screen.getByRole('checkbox', { name: new RegExp(doc.name.replace(/[()]/g, '.')) }));
    await user.click(await screen.findByRole('checkbox', { name: 'Không ký được: đã điểm chỉ trên giấy' }));
    await user.click(screen.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }));

    // Back on the visit, the dossier is listed; certified and returned on the spot with the receiver's signature.
    const dossiers = await screen.findByRole('list', { name: 'Hồ sơ của chuyến thăm' });
    const received = (await db.ops.toArray()).find((o) => o.type === 'dossier.received')!;
    expect(received.data).toMatchObject({ channel: 'home', procedureId: 'chung-thuc-chu-ky', applicant: { address: 'Số 1, Thôn Đông', phone: '0912345678' }, signature: { kind: 'fingerprint', signerName: 'Bà Nguyễn Thị Tư' } });
    await user.click(await within(dossiers).findByRole('button', { name: 'Chứng thực và trả ngay' }));
    expect(await within(dossiers).findByRole('alert')).toHaveTextContent('Hãy để người nhận ký');
    await user.click(await within(dossiers).findByRole('checkbox', { name: 'Không ký được: đã điểm chỉ trên giấy' }));
    await user.click(within(dossiers).getByRole('button', { name: 'Chứng thực và trả ngay' }));
    await waitFor(async () => expect((await db.dossiers.get(received.entityId))?.status).toBe('returned'));
    const returned = (await db.ops.toArray()).find((o) => o.type === 'dossier.transitioned' && o.data.action === 'return-result')!;
    expect(returned.data).toMatchObject({ place: 'Số 1, Thôn Đông', signature: { kind: 'fingerprint' } });
    // The place and the time to the minute: the timeline of the dossier shows both.
    window.location.hash = `#/d/${received.entityId}`;
    const step = (await screen.findByText('tại Số 1, Thôn Đông', { exact: false })).closest('li')!;
    expect(step).toHaveTextContent(/^\d\d:\d\d \d\d\/\d\d\/\d{4} Trả kết quả/);
    expect(step).toHaveTextContent('đã điểm chỉ trên giấy');
    window.location.hash = `#/home/v/${visit}`;
    await screen.findByRole('button', { name: 'Ghi kết quả chuyến thăm' });

    await user.click(screen.getByRole('radio', { name: 'Đã xong' }));
    await user.click(screen.getByRole('button', { name: 'Ghi kết quả chuyến thăm' }));
    await waitFor(async () => expect((await db.homeVisits.get(visit))?.outcome).toBe('done'));
    const row = (await db.homeVisits.get(visit))!;
    expect(row.dossierIds).toEqual([received.entityId]);
    expect(row.arrivedAt! <= row.leftAt!).toBe(true);
    expect(window.location.hash).toBe('#/home');
  });

  it('offers another visit to a person the officer did not find at home, and the plan shows them as missed until then', async () => {
    const user = userEvent.setup();
    const client = await registered('Ông Lê Văn An', 'Thôn Bắc');
    const visit = await planned(client, addDaysToKey(today, -1));
    await recordOp(db, 'home.visit-completed', visit, { visitId: visit, outcome: 'not-home', staffId: lan.id });
    open('/');
    expect(await screen.findByRole('heading', { name: 'Chưa gặp được, cần hẹn lại (1)' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('list', { name: 'Chuyến thăm chưa gặp được' })).getByRole('link'));
    await user.click(await screen.findByRole('link', { name: 'Hẹn ngày thăm lại' }));
    await user.click(await screen.findByRole('button', { name: 'Lên lịch' }));
    await screen.findByRole('heading', { name: 'Lịch thăm hôm nay' });
    expect(screen.queryByRole('heading', { name: /Chưa gặp được/ })).toBeNull();
    const again = (await db.homeVisits.where('clientId').equals(client).toArray()).find((v) => v.id !== visit)!;
    expect(again).toMatchObject({ date: addDaysToKey(today, 1), purpose: 'receive', staffId: lan.id });
  });

  it('plans a visit to hand over a letter, says when the letter is not on the tablet, and records the hand-over at home as letter.delivered "at-home"', async () => {
    const user = userEvent.setup();
    const client = await registered('Lê Văn Thọ', 'Thôn Đông', { birthYear: 1946 });
    const letterId = newId();
    await recordOp(db, 'letter.issued', letterId, { kind: 'longevity', templateId: 'longevity', clientId: client, recipientName: 'Lê Văn Thọ', occasion: 'mừng thọ 80 tuổi', body: 'Kính gửi cụ Lê Văn Thọ', staffId: lan.id });
    // A letter issued elsewhere and not synced here yet: the plan says it is missing.
    const elsewhere = await planned(client, today, { purpose: 'letter', letterId: newId() });
    open(`/home/clients/${client}`);

    await user.selectOptions(await screen.findByLabelText('Mục đích'), 'Trao thư');
    await user.selectOptions(screen.getByLabelText('Thư mang theo'), letterId);
    await user.click(screen.getByRole('button', { name: 'Lên lịch' }));
    await screen.findByRole('heading', { name: 'Lịch thăm hôm nay' });
    const visit = (await db.homeVisits.where('clientId').equals(client).toArray()).find((v) => v.id !== elsewhere)!;
    expect(visit).toMatchObject({ purpose: 'letter', letterId, date: addDaysToKey(today, 1) });
    const rows = within(screen.getByRole('list', { name: 'Các chuyến thăm trong ngày, theo thôn xóm' })).getAllByRole('listitem');
    expect(await within(rows[0]).findByRole('note')).toHaveTextContent('Thiếu trên máy: thư cần trao');

    window.location.hash = `#/home/v/${visit.id}`;
    const section = await screen.findByRole('region', { name: 'Thư trao tại nhà' });
    expect(within(section).getByRole('link', { name: 'Thư mừng thọ — Lê Văn Thọ' })).toHaveAttribute('href', `#/letters/${letterId}`);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Trao thư tại nhà' }));
    expect(await within(section).findByRole('status')).toHaveTextContent(/^Đã trao thư lúc \d\d:\d\d/);
    const delivered = (await db.ops.toArray()).find((o) => o.type === 'letter.delivered')!;
    expect(delivered).toMatchObject({ entityId: letterId, data: { letterId, staffId: lan.id, method: 'at-home' } });
    expect((await db.letters.get(letterId))?.delivered).toMatchObject({ method: 'at-home' });
    await user.click(screen.getByRole('radio', { name: 'Đã xong' }));
    await user.click(screen.getByRole('button', { name: 'Ghi kết quả chuyến thăm' }));
    await waitFor(async () => expect((await db.homeVisits.get(visit.id))?.letterIds).toEqual([letterId]));
  });
});
