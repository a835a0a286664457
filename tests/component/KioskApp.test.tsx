import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import KioskApp from '../../src/features/kiosk/KioskApp';
import Shell from '../../src/app/Shell';
import { db } from '../../src/app/db';
import { isSurveyMode, setUpDevice } from '../../src/db';
import { useSession } from '../../src/app/stores';
import { completeConfig } from '../../src/sync';
import { demoConfig, demoPins, testDevice } from '../support/fixtures';

const pin = demoPins[demoConfig.staff[0].id];

describe('kiosk mode', () => {
  it('shows only the survey; staff get in with a PIN from the kiosk config (no staff list)', async () => {
    // What a kiosk receives from the server: commune, survey and PIN hashes only.
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
