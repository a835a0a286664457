import type { Page } from 'playwright-core';

/** Touch targets of the page's visible controls under 48 px (DESIGN.md › Conventions), named for the failure message. */
export const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main a[href], main input, main select')]
      .filter((el) => el.offsetParent !== null && el.getAttribute('type') !== 'checkbox')
      .map((el) => ({ name: el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 47.5)
      .map(({ name, box }) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
