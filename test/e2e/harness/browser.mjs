// Debian's Chromium driven by playwright-core (installed into .cache/ by scripts/e2e/install.sh; it downloads no
// browser of its own). The flags are the ones that work on these machines: without the background-networking ones
// Chromium keeps opening connections the closed network refuses.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwright() {
  const dir = process.env.E2E_PLAYWRIGHT_DIR;
  if (!dir) throw new Error('E2E_PLAYWRIGHT_DIR is not set: run the suite through `npm run test:e2e`');
  return createRequire(join(dir, 'package.json'))('playwright-core');
}

export async function launchBrowser() {
  const { chromium } = playwright();
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export const RESULTS_DIR = join(process.cwd(), 'test-results', 'e2e');

export async function screenshot(page, name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
