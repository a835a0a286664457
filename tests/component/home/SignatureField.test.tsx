import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignatureField } from '../../../src/features/dossiers/SignatureField';
import { strokesToSvg } from '../../../src/features/dossiers/signatureSvg';
import { SIGNATURE_SVG_MAX_BYTES } from '../../../src/domain/signature';
import { stubCanvas } from './canvas';

const NOW = new Date('2026-03-12T02:10:00.000Z');

/** A stroke with the mouse: signature_pad listens on the canvas for the press and on the window for the rest. */
function draw(canvas: HTMLElement, points: [number, number][]) {
  const [first, ...rest] = points;
  fireEvent.mouseDown(canvas, { buttons: 1, clientX: first[0], clientY: first[1] });
  for (const [x, y] of rest) fireEvent.mouseMove(window, { buttons: 1, clientX: x, clientY: y });
  const last = points.at(-1)!;
  fireEvent.mouseUp(window, { buttons: 0, clientX: last[0], clientY: last[1] });
}

describe('signature on the screen', () => {
  beforeEach(() => stubCanvas());

  it('turns the strokes into an SVG path under 16 KB, with the signer and the time', async () => {
    const onChange = vi.fn();
    render(<SignatureField signerName="Nguyễn Thị Tư" onChange={onChange} now={() => NOW} />);
    const canvas = screen.getByRole('img', { name: 'Khung ký tên của Nguyễn Thị Tư: ký bằng ngón tay' });
    expect(screen.getByRole('status')).toHaveTextContent('Chưa ký');
    draw(canvas, [[10, 10], [40, 30], [80, 20], [120, 60]]);
    const signature = onChange.mock.lastCall![0];
    expect(signature).toMatchObject({ kind: 'signature', signerName: 'Nguyễn Thị Tư', signedAt: NOW.toISOString() });
    // signature_pad thins points that come too fast; the stroke keeps its ends.
    expect(signature.svg).toMatch(/^<svg [^>]*><path d="M10 10(L\d+ \d+)*L120 60"/);
    expect(new TextEncoder().encode(signature.svg).length).toBeLessThanOrEqual(SIGNATURE_SVG_MAX_BYTES);
    expect(screen.getByRole('status')).toHaveTextContent('Đã ký');

    await userEvent.click(screen.getByRole('button', { name: 'Ký lại' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('records a fingerprint on paper instead, with no drawing', async () => {
    const onChange = vi.fn();
    render(<SignatureField signerName="Bà Tư" onChange={onChange} now={() => NOW} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Không ký được: đã điểm chỉ trên giấy' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'fingerprint', signedAt: NOW.toISOString(), signerName: 'Bà Tư' });
    expect(screen.getByRole('status')).toHaveTextContent('Điểm chỉ trên giấy');
  });

  it('keeps a long signature under 16 KB by thinning its points', () => {
    // 40 strokes of 200 points: about 80 KB written point by point.
    const groups = Array.from({ length: 40 }, (_, s) => ({
      points: Array.from({ length: 200 }, (_, i) => ({ x: 100 + i * 2.7, y: 50 + s * 3.1 + Math.sin(i) * 20, pressure: 0.5, time: i })),
      dotSize: 0, minWidth: 1, maxWidth: 3, penColor: '#000', velocityFilterWeight: 0.7, compositeOperation: 'source-over' as const,
    }));
    const svg = strokesToSvg(groups, 600, 200);
    expect(new TextEncoder().encode(svg).length).toBeLessThanOrEqual(SIGNATURE_SVG_MAX_BYTES);
    expect(svg.match(/M/g)).toHaveLength(40); // every stroke is still there
  });
});
