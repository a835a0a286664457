import { writeFileSync } from 'node:fs';

/**
 * A Y4M video file (what Chromium's fake camera plays in a loop) showing a grey-scale picture,
 * e.g. a QR code as a counter tablet printed it. `pixels` is row-major, 0 = black, 255 = white.
 */
export function writeY4m(path: string, pixels: Uint8Array, width: number, height: number, frameWidth = 640, frameHeight = 480, frames = 10) {
  const y = new Uint8Array(frameWidth * frameHeight).fill(255);
  const scale = Math.floor(Math.min((frameWidth * 0.8) / width, (frameHeight * 0.8) / height) * 100) / 100;
  const ox = Math.floor((frameWidth - width * scale) / 2);
  const oy = Math.floor((frameHeight - height * scale) / 2);
  for (let fy = 0; fy < frameHeight; fy++) {
    for (let fx = 0; fx < frameWidth; fx++) {
      const sx = Math.floor((fx - ox) / scale);
      const sy = Math.floor((fy - oy) / scale);
      if (sx >= 0 && sy >= 0 && sx < width && sy < height) y[fy * frameWidth + fx] = pixels[sy * width + sx];
    }
  }
  const chroma = new Uint8Array((frameWidth / 2) * (frameHeight / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${frameWidth} H${frameHeight} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
