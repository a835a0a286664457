// Renders public/icons/icon.svg to the PNG sizes the web app manifest needs:  node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../public/icons/icon.svg', import.meta.url), 'utf8');
// Maskable: square full-bleed red background, the motif scaled to the central 80% safe zone.
const maskableSvg = svg
  .replace('viewBox="0 0 512 512"', 'viewBox="-64 -64 640 640"')
  .replace('<rect width="512" height="512" rx="96" fill="#b3261e"/>', '<rect x="-64" y="-64" width="640" height="640" fill="#b3261e"/>');
if (maskableSvg === svg) throw new Error('icon.svg layout changed; update make-icons.mjs');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
async function render(file, size, source, transparentCorners) {
  await page.setViewportSize({ width: size, height: size });
  const sized = source.replace('<svg ', `<svg width="100%" height="100%" style="display:block" `);
  await page.setContent(`<html><body style="margin:0;width:${size}px;height:${size}px">${sized}</body></html>`);
  // The rounded "any" icons keep transparent corners; the maskable one is fully opaque.
  await page.screenshot({ path: new URL(`../public/icons/${file}`, import.meta.url).pathname, omitBackground: transparentCorners });
}
await render('icon-192.png', 192, svg, true);
await render('icon-512.png', 512, svg, true);
await render('icon-maskable-512.png', 512, maskableSvg, false);
await browser.close();
console.log('icons written');
