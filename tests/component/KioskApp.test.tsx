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
import { hashPin, newSalt } from '../../src/domain';

const pin = demoPins[demoConfig.staff[0].id];
afterEach(() => setLanguage('vi'));

const KIOSK_CODE = 'Kiosk2026Desk';

/** What a kiosk receives from the server (contract 1.1): commune, survey and the hashed kiosk code. */
const kioskConfigOf = async (survey = demoConfig.survey) => {
  const salt = newSalt();
  return completeConfig({ version: 1, commune: demoConfig.commune, survey, kioskCode: { salt, hash: await hashPin(KIOSK_CODE, salt) } });
};
describe('kiosk mode', () => {
  it('shows only the survey; staff get in with the kiosk code, never with a staff PIN', async () => {
    // What a kiosk receives from the server (contract 1.1): commune, survey and the hashed kiosk code.
    const salt = newSalt();
    const kioskConfig = completeConfig({
      version: 1,
      commune: demoConfig.commune,
      survey: demoConfig.survey,
      kioskCode: { salt, hash: await hashPin(KIOSK_CODE, salt) },
    });
    expect(kioskConfig).not.toHaveProperty('staffPins');
    const device = { ...testDevice(), kind: 'kiosk' as const };
    await setUpDevice(db, device, kioskConfig);
    const user = userEvent.setup();
    render(<KioskApp device={device} config={kioskConfig} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ông/bà có hài lòng');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByText('Danh sách hồ sơ')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cán bộ' }));
    const code = () => screen.getByLabelText('Mã mở khóa máy đánh giá');
    // A staff PIN is no key here: it is not even the code's shape, and it counts as a failure.
    await user.type(code(), pin + '0000');
    await user.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Mã mở khóa không đúng');
    expect(screen.queryByRole('heading', { name: 'Máy đánh giá — cán bộ' })).not.toBeInTheDocument();
    expect((await db.meta.get('pinLockout'))?.value).toMatchObject({ failures: 1 });
    await user.type(code(), KIOSK_CODE);
    await user.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect(await screen.findByRole('heading', { name: 'Máy đánh giá — cán bộ' })).toBeInTheDocument();
    expect(await screen.findByRole('status', { name: 'Trạng thái' })).toBeInTheDocument();
    expect(await db.meta.get('pinLockout')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Quay lại màn hình đánh giá' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ông/bà có hài lòng');
  });

  it('stays shut when the commune has set no kiosk code, even for staff PINs sent by an older server', async () => {
    const kioskConfig = completeConfig({
      version: 1,
      commune: demoConfig.commune,
      survey: demoConfig.survey,
      staffPins: demoConfig.staff.map(({ pinSalt, pinHash }) => ({ pinSalt, pinHash })),
    });
    const device = { ...testDevice(), kind: 'kiosk' as const };
    await setUpDevice(db, device, kioskConfig);
    const user = userEvent.setup();
    render(<KioskApp device={device} config={kioskConfig} />);
    await user.click(screen.getByRole('button', { name: 'Cán bộ' }));
    expect(screen.getByRole('alert')).toHaveTextContent('chưa đặt mã mở khóa');
    expect(screen.queryByLabelText(/Mã PIN|Mã mở khóa/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mở khóa' })).toBeDisabled();
  });

  it('keeps the lockout through a reload: after five wrong codes even the right one waits', async () => {
    const salt = newSalt();
    const kioskConfig = completeConfig({ version: 1, commune: demoConfig.commune, survey: demoConfig.survey, kioskCode: { salt, hash: await hashPin(KIOSK_CODE, salt) } });
    const device = { ...testDevice(), kind: 'kiosk' as const };
    await setUpDevice(db, device, kioskConfig);
    const user = userEvent.setup();
    const first = render(<KioskApp device={device} config={kioskConfig} />);
    await user.click(screen.getByRole('button', { name: 'Cán bộ' }));
    for (let i = 0; i < 5; i++) {
      await user.type(screen.getByLabelText('Mã mở khóa máy đánh giá'), `WRONGCODE${i}`);
      await user.click(screen.getByRole('button', { name: 'Mở khóa' }));
      await waitFor(async () => expect((await db.meta.get('pinLockout'))?.value).toMatchObject({ failures: i + 1 }));
    }
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/thử lại sau (30|29) giây/));
    first.unmount(); // a reload
    render(<KioskApp device={device} config={kioskConfig} />);
    await user.click(screen.getByRole('button', { name: 'Cán bộ' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/thử lại sau \d+ giây/);
    await user.type(screen.getByLabelText('Mã mở khóa máy đánh giá'), KIOSK_CODE);
    expect(screen.getByRole('button', { name: 'Mở khóa' })).toBeDisabled();
    expect(screen.queryByRole('heading', { name: 'Máy đánh giá — cán bộ' })).not.toBeInTheDocument();
  });
});

describe('kiosk language', () => {
  it('greets every new citizen in Vietnamese, whoever chose English before, and after a reload too', async () => {
    const kioskConfig = await kioskConfigOf({ ...demoConfig.survey!, rules: { inactivitySeconds: 1, countdownSeconds: 1 } });
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
    const kioskConfig = await kioskConfigOf();
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
  it('locks the tablet on the survey, through a reload, until a staff PIN, and signs the officer out', async () => {
    const device = testDevice();
    await setUpDevice(db, device, demoConfig);
    useSession.getState().signIn({ id: demoConfig.staff[0].id, name: demoConfig.staff[0].name });
    const user = userEvent.setup();
    const first = render(<Shell device={device} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Mời công dân đánh giá' }));
    expect(await screen.findByRole('heading', { name: /Ông\/bà có hài lòng/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Đăng xuất' })).not.toBeInTheDocument();
    expect(await isSurveyMode(db)).toBe(true);
    expect(useSession.getState().staff).toBeNull();

    first.unmount(); // a reload
    render(<Shell device={device} config={demoConfig} />);
    expect(await screen.findByRole('heading', { name: /Ông\/bà có hài lòng/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cán bộ' }));
    await user.type(screen.getByLabelText('Mã PIN'), pin);
    await user.click(screen.getByRole('button', { name: 'Mở khóa' }));
    // Back to the sign-in screen, never to the previous officer's work (issue 12 part 7).
    expect(await screen.findByRole('heading', { name: 'Đăng nhập cán bộ' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tiếp nhận hồ sơ mới' })).not.toBeInTheDocument();
    expect(await isSurveyMode(db)).toBe(false);
  });
});
