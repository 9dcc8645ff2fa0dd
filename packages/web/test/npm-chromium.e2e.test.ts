import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, npmChromium } from './browser.js';

describe('the Chromium npm brings (fallback on a machine without Debian chromium)', () => {
  let browser: Browser | undefined;
  afterAll(() => browser?.close());

  it('starts with the libraries it ships and plays H.264 through Media Source Extensions, as hls.js needs', async () => {
    browser = await launchBrowser(await npmChromium());
    const page = await browser.newPage();
    await page.setContent('<video></video>');
    // Evaluated in the page (the test files are type-checked without the DOM library).
    const support = await page.evaluate(`({
      mse: MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E"'),
      video: document.createElement('video').canPlayType('video/mp4; codecs="avc1.42E01E"'),
    })`);
    expect(support).toEqual({ mse: true, video: 'probably' });
  });
});
