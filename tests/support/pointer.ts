/**
 * Resting the real pointer on an element as a person does. Bitlens opens a card only after the
 * pointer really moves on a link once the link is under it (PRODUCT.md §4: a link slid under a
 * resting pointer is no hover), and a person's pointer always moves a little more once there. A
 * single scripted move does not, so this moves onto the element, lets the page hear the hover
 * (the browser sends the hover animation's `animationstart` in the rendering step after the
 * move: the next frames, waited for by frame, not by time), then moves one pixel further inside.
 * Shared by the e2e page objects, the demo and the benchmark.
 */
import type { Locator, Page } from '@playwright/test';

/** Animation frames that certainly include the one the hover's `animationstart` is sent in. */
const FRAMES_FOR_THE_HOVER = 3;

/** Waits for `frames` rendering steps of the page. */
export function nextFrames(page: Page, frames = FRAMES_FOR_THE_HOVER): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    frames,
  );
}

/** Moves onto `point`, waits for the page to have heard the hover, then nudges the pointer by one pixel. */
export async function restPointerAt(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.move(point.x, point.y);
  await nextFrames(page);
  await page.mouse.move(point.x + 1, point.y);
}

/** Rests the pointer near the centre of `target` (scrolled into view first). */
export async function restPointerOn(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`${target} has no box`);
  await restPointerAt(target.page(), { x: box.x + Math.min(box.width / 2, box.width - 2), y: box.y + box.height / 2 });
}
