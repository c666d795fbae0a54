import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests need Debian's Chromium; locally they are skipped with a clear line, in CI they fail. */
export const browserAvailable: boolean = existsSync(chromiumPath);
if (!browserAvailable) {
  if (process.env.CI)
    throw new Error(`CI needs Chromium at ${chromiumPath} (apt-get install chromium).`);
  console.warn(`[fristad] browser tests skipped: no Chromium at ${chromiumPath}`);
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });

export const screenshotPath = (name: string): string => {
  mkdirSync('test-output', { recursive: true });
  return `test-output/${name}.png`;
};
