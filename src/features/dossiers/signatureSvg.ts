import type { PointGroup } from 'signature_pad';
import { SIGNATURE_SVG_MAX_BYTES } from '../../domain/signature';

const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * The drawn strokes as one SVG path in whole pixels, small enough for DESIGN.md's Signature
 * (≤ 16 KB): signature_pad's own toSVG writes a curve per segment and grows past that for a long
 * name, so long signatures keep every second point, then every third…, until they fit.
 */
export function strokesToSvg(groups: PointGroup[], width: number, height: number): string {
  for (let step = 1; ; step++) {
    const d = groups
      .map(({ points }) => {
        const kept = points.filter((_, i) => i % step === 0 || i === points.length - 1);
        return kept.map((p, i) => `${i === 0 ? 'M' : 'L'}${Math.round(p.x)} ${Math.round(p.y)}`).join('');
      })
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.round(width)} ${Math.round(height)}"><path d="${d}" fill="none" stroke="#000" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
    if (bytes(svg) <= SIGNATURE_SVG_MAX_BYTES || step > 64) return svg;
  }
}
