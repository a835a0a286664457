import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App } from '../../src/app/App';
import { db } from '../../src/app/db';
import { setUpDevice } from '../../src/db';
import { completeConfig } from '../../src/sync';
import { demoConfig, testDevice } from '../support/fixtures';

describe('the app shell', () => {
  it('draws a kiosk from the setup read at start, then follows the database (here: a revocation)', async () => {
    const device = { ...testDevice(), kind: 'kiosk' as const };
    const config = completeConfig({ version: 1, commune: demoConfig.commune, survey: demoConfig.survey });
    await setUpDevice(db, device, config);
    render(<App initialSetup={{ device, config, revoked: false }} />);
    expect(await screen.findByRole('heading', { level: 1, name: /Ông\/bà có hài lòng/ })).toBeInTheDocument();

    await db.meta.put({ key: 'revoked', value: true });
    expect(await screen.findByRole('heading', { name: 'Máy tính bảng này đã bị thu hồi' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Ông\/bà có hài lòng/ })).not.toBeInTheDocument();
  });

  it('waits for the database when the start could not tell, then shows the first run', async () => {
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent(/Đang tải/);
    expect(await screen.findByRole('button', { name: 'Đăng ký máy' })).toBeInTheDocument();
  });
});
