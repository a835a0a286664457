import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { setLanguage } from '../../src/app/i18n';
import userEvent from '@testing-library/user-event';
import KioskApp from '../../src/features/kiosk/KioskApp';
import Shell from '../../src/app/Shell';
import { db } from '../../src/app/db';
import { isSurveyMode, setUpDevice } from '../../src/db';
import { useSession } from '../../src/app/stores';
import { completeConfig } from '../../src/sync';
import { demoConfig, demoPins, testDevice } from '../support/fixtures';

const pin = demoPins[demoConfig.staff[0].id];
afterEach(() => setLanguage('vi'));

/** What a kiosk receives from the server: commune, survey and PIN hashes only. */
const kioskConfigOf = (survey = demoConfig.survey) =>
  completeConfig({
    version: 1,
    commune: demoConfig.commune,
    survey,
    staffPins: demoConfig.staff.map(({ pinSalt, pinHash }) => ({ pinSalt, pinHash })),
  });

describe('kiosk mode', () => {
  it('shows only the survey; staff get in with a PIN from the kiosk config (no staff list)', async () => {
    const kioskConfig = kioskConfigOf();
    const device = { ...testDevice(), kind: 'kiosk' as const };
    await setUpDevice(db, device, kioskConfig);
    const user = userEvent.setup();
    render(<KioskApp device={device} config={kioskConfig} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ông/bà có hài lòng');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByText('Danh sách hồ sơ')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cán bộ' }));
    await user.type(screen.getByLabelText('Mã PIN'), '0000');
    await user.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Mã PIN không đúng');
    await user.type(screen.getByLabelText('Mã PIN'), pin);
    await user.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect(await screen.findByRole('heading', { name: 'Máy đánh giá — cán bộ' })).toBeInTheDocument();
    expect(await screen.findByRole('status', { name: 'Trạng thái' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Quay lại màn hình đánh giá' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ông/bà có hài lòng');
  });
});

describe('kiosk language', () => {
  it('greets every new citizen in Vietnamese, whoever chose English before, and after a reload too', async () => {
    const kioskConfig = kioskConfigOf({ ...demoConfig.survey!, rules: { inactivitySeconds: 1, countdownSeconds: 1 } });
    const device = { ...testDevice(), kind: 'kiosk' as const };
    await setUpDevice(db, device, kioskConfig);
    const user = userEvent.setup();
    const first = render(<KioskApp device={device} config={kioskConfig} />);
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: /Are you satisfied/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Satisfied' }));
    // The citizen walks away: the next one is asked in Vietnamese.
    expect(await screen.findByRole('heading', { name: /Ông\/bà có hài lòng/ }, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tiếng Việt' })).toHaveAttribute('aria-pressed', 'true');

    // English again, then a reload: the kiosk never remembered the choice.
    await user.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { name: /Are you satisfied/ });
    expect(localStorage.getItem('friendly-desk.language')).not.toBe('en');
    first.unmount();
    render(<KioskApp device={device} config={kioskConfig} />);
    await waitFor(() => expect(i18next.language).toBe('vi'));
    expect(await screen.findByRole('heading', { name: /Ông\/bà có hài lòng/ })).toBeInTheDocument();
  });

  it('keeps the staff button apart from the language buttons', async () => {
    const kioskConfig = kioskConfigOf();
    const device = { ...testDevice(), kind: 'kiosk' as const };
    await setUpDevice(db, device, kioskConfig);
    render(<KioskApp device={device} config={kioskConfig} />);
    const staff = screen.getByRole('button', { name: 'Cán bộ' });
    expect(screen.getByRole('group', { name: 'Ngôn ngữ' })).not.toContainElement(staff);
    expect(staff.closest('header')).toBeNull();
    expect(staff).toHaveTextContent(''); // an icon, no word that reads like a language
  });
});

describe('survey mode on a counter tablet', () => {
  it('locks the tablet on the survey, through a reload, until a staff PIN', async () => {
    const device = testDevice();
    await setUpDevice(db, device, demoConfig);
    useSession.getState().signIn({ id: demoConfig.staff[0].id, name: demoConfig.staff[0].name });
    const user = userEvent.setup();
    const first = render(<Shell device={device} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Mời công dân đánh giá' }));
    expect(await screen.findByRole('heading', { name: /Ông\/bà có hài lòng/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Đăng xuất' })).not.toBeInTheDocument();
    expect(await isSurveyMode(db)).toBe(true);

    first.unmount(); // a reload
    render(<Shell device={device} config={demoConfig} />);
    expect(await screen.findByRole('heading', { name: /Ông\/bà có hài lòng/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cán bộ' }));
    await user.type(screen.getByLabelText('Mã PIN'), pin);
    await user.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect(await screen.findByRole('button', { name: 'Tiếp nhận hồ sơ mới' })).toBeInTheDocument();
    expect(await isSurveyMode(db)).toBe(false);
  });
});
