import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Locked } from '../../src/app/Locked';
import { StatusBar } from '../../src/app/StatusBar';
import { SignIn } from '../../src/app/SignIn';
import { db } from '../../src/app/db';
import { useSession } from '../../src/app/stores';
import { recordOp, setUpDevice } from '../../src/db';
import { demoConfig, demoPins, testDevice } from '../support/fixtures';

const member = demoConfig.staff[0];
const pin = demoPins[member.id];

afterEach(() => {
  vi.restoreAllMocks();
  delete (navigator as { storage?: unknown }).storage;
  useSession.getState().signOut();
});

describe('the locked (revoked) screen', () => {
  it('asks for a staff PIN before it exports the unsent ops', async () => {
    const device = testDevice();
    await setUpDevice(db, device, demoConfig);
    await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied' });
    const made: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      made.push(blob as Blob);
      return 'blob:x';
    });
    URL.revokeObjectURL ??= () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {}); // jsdom cannot download
    const user = userEvent.setup();
    render(<Locked device={device} config={demoConfig} />);
    await user.click(screen.getByRole('button', { name: 'Xuất các thay đổi chưa gửi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Xuất các thay đổi chưa gửi' });
    expect(dialog).toBeInTheDocument();
    await user.type(screen.getByLabelText('Mã PIN'), '0000');
    await user.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Mã PIN không đúng');
    expect(made).toHaveLength(0);
    await user.type(screen.getByLabelText('Mã PIN'), pin);
    await user.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã tạo tệp');
    expect(made).toHaveLength(1);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(made[0]);
    });
    expect(JSON.parse(text).ops).toHaveLength(1);
  });
});

describe('sign-in', () => {
  it('counts wrong PINs in IndexedDB: after five, a reload still shows the lockout and the right PIN waits', async () => {
    const user = userEvent.setup();
    const first = render(<SignIn staff={[member]} />);
    for (let i = 0; i < 5; i++) {
      await user.type(screen.getByLabelText('Mã PIN'), '9999');
      await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
      await waitFor(async () => expect((await db.meta.get('pinLockout'))?.value).toMatchObject({ failures: i + 1 }));
    }
    first.unmount(); // a reload
    render(<SignIn staff={[member]} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/thử lại sau \d+ giây/);
    await user.type(screen.getByLabelText('Mã PIN'), pin);
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeDisabled();
    expect(useSession.getState().staff).toBeNull();
  });

  it('signs in with the right PIN and clears the count', async () => {
    await db.meta.put({ key: 'pinLockout', value: { failures: 3, lockedUntil: 0 } });
    const user = userEvent.setup();
    render(<SignIn staff={[member]} />);
    expect(screen.getByLabelText('Mã PIN')).toHaveAccessibleDescription('4 đến 8 chữ số; nên dùng 6 chữ số.');
    await user.type(screen.getByLabelText('Mã PIN'), pin);
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await waitFor(() => expect(useSession.getState().staff?.id).toBe(member.id));
    expect(await db.meta.get('pinLockout')).toBeUndefined();
  });
});

describe('the status bar', () => {
  const bar = async (granted: boolean) => {
    const storage = { persisted: async () => false, persist: async () => granted, estimate: async () => ({ usage: 0, quota: 1 }) };
    Object.defineProperty(navigator, 'storage', { configurable: true, value: storage });
    render(<StatusBar device={testDevice()} />);
  };

  it('says so, and how to fix it, when the browser refuses persistent storage', async () => {
    await bar(false);
    expect(await screen.findByRole('alert')).toHaveTextContent('Thêm vào màn hình chính');
  });

  it('stays quiet when it is granted', async () => {
    await bar(true);
    await screen.findByRole('status', { name: 'Trạng thái' });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

it('draws the status bar without a Storage API, and warns of nothing', async () => {
  render(<StatusBar device={testDevice()} />);
  await screen.findByRole('status', { name: 'Trạng thái' });
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.queryByText(/màn hình chính/)).not.toBeInTheDocument();
});
