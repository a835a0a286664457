import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Shell from '../../src/app/Shell';
import { useSession } from '../../src/app/stores';
import { db } from '../../src/app/db';
import { idleLockMinutes } from '../../src/app/useIdleLock';
import { demoConfig, setUpDemoTablet } from '../support/fixtures';

afterEach(() => {
  vi.useRealTimers();
  useSession.getState().signOut();
});

describe('idle lock', () => {
  it('reads the commune setting, 5 minutes by default', () => {
    expect(idleLockMinutes(demoConfig)).toBe(5);
    expect(idleLockMinutes({ ...demoConfig, settings: { retentionDays: 90, idleLockMinutes: 12 } } as typeof demoConfig)).toBe(12);
  });

  it('goes back to the PIN screen after the set minutes without a touch, keeping the intake draft', async () => {
    const device = await setUpDemoTablet(db);
    const staff = demoConfig.staff[0];
    useSession.getState().signIn({ id: staff.id, name: staff.name });
    const config = { ...demoConfig, settings: { retentionDays: 90, idleLockMinutes: 2 } } as typeof demoConfig;
    window.location.hash = '#/new';
    render(<Shell device={device} config={config} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Họ và tên/), 'Trần Thị Khóa');
    await waitFor(async () => expect((await db.meta.get(`draft:intake:${staff.id}`))?.value).toMatchObject({ name: 'Trần Thị Khóa' }));

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.keyDown(window); // the last touch, timed from now
    act(() => vi.advanceTimersByTime(60_000));
    fireEvent.pointerDown(window); // still working: the clock starts again
    act(() => vi.advanceTimersByTime(119_000));
    expect(useSession.getState().staff).not.toBeNull();
    expect(screen.getByLabelText(/Họ và tên/)).toHaveValue('Trần Thị Khóa');
    act(() => vi.advanceTimersByTime(1_000));
    vi.useRealTimers();

    expect(useSession.getState().staff).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Đăng nhập cán bộ' })).toBeInTheDocument();
    expect(screen.queryByText('Trần Thị Khóa')).not.toBeInTheDocument();
    // Signing in again brings the draft back.
    expect((await db.meta.get(`draft:intake:${staff.id}`))?.value).toMatchObject({ name: 'Trần Thị Khóa' });
    act(() => useSession.getState().signIn({ id: staff.id, name: staff.name }));
    expect(await screen.findByLabelText(/Họ và tên/)).toHaveValue('Trần Thị Khóa');
  });
});
