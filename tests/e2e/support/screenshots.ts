import path from "node:path";
import { type Locator, type Page, test } from "@playwright/test";

/**
 * The page at desktop (1280×900) and phone (390×844) sizes, under the run's screenshots folder as
 * `<name>-desktop.png` and `<name>-phone.png`; the viewport is desktop again afterwards.
 * `phoneFullPage: false` keeps the phone's first screen only, for pages many screens long; with `focus`,
 * that screen is the one showing the element (scrolled to again at each size, since resizing moves it).
 */
export async function shootBothSizes(
  page: Page,
  name: string,
  { phoneFullPage = true, focus }: { phoneFullPage?: boolean; focus?: Locator } = {},
) {
  const info = test.info();
  for (const [size, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await focus?.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(info.project.outputDir, "screenshots", `${name}-${size}.png`),
      fullPage: size === "desktop" || phoneFullPage,
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
