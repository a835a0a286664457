import { vi } from 'vitest';

/**
 * jsdom has no canvas: signature_pad gets a 2D context that draws nothing, so the component's own
 * work (strokes to SVG, fingerprint, clearing) is what the tests see. Chromium draws for real in e2e.
 */
export function stubCanvas() {
  const ctx = new Proxy({}, { get: (_, key) => (key === 'canvas' ? undefined : vi.fn()), set: () => true });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as unknown as CanvasRenderingContext2D);
}
