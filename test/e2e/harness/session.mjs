// One scenario's world: a fresh copy of the example workspace, a code-server with the packaged extension installed,
// and a Chromium page showing the workbench on that folder. close() stops all of it and is safe to call twice.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { Workbench } from './workbench.mjs';

const ROOT = process.env.E2E_ROOT ?? process.cwd();
export const EXAMPLE = process.env.E2E_EXAMPLE ?? join(ROOT, 'examples', 'prefork-db');

/** Copies the fixture folder so the scenario may edit it; the copy keeps the folder's name (shown in Explorer). */
export function copyWorkspace(source = EXAMPLE) {
  const parent = mkdtempSync(join(process.env.E2E_RUN_DIR ?? tmpdir(), 'workspace-'));
  const folder = join(parent, basename(resolve(source)));
  mkdirSync(folder);
  cpSync(source, folder, { recursive: true });
  return folder;
}

/** The extension's own output channel ("uWSGI Lint"), as code-server writes it under the user-data folder. */
export function extensionLog(userDataDir) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return '';
  let text = '';
  for (const session of readdirSync(logs)) {
    for (const host of readdirSync(join(logs, session)).filter((d) => d.startsWith('exthost'))) {
      const dir = join(logs, session, host, 'uwsgi-lint.uwsgi-lint');
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)) text += readFileSync(join(dir, file), 'utf8');
    }
  }
  return text;
}

/** @param {{ trust?: boolean, source?: string }} [options] */
export async function openSession({ trust = true, source } = {}) {
  const extensionsDir = process.env.E2E_EXTENSIONS_DIR;
  if (!extensionsDir) throw new Error('E2E_EXTENSIONS_DIR is not set: run the suite through `npm run test:e2e`');
  const folder = copyWorkspace(source);
  const stops = [];
  const close = async () => {
    while (stops.length) await stops.pop()().catch(() => {});
  };
  try {
    const server = await startCodeServer({ extensionsDir, trust, folder });
    stops.push(server.stop);
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const workbench = new Workbench(page, folder, () => extensionLog(server.userDataDir));
    await workbench.open(`${server.url}/?folder=${encodeURIComponent(folder)}`, { trust });
    return { folder, server, browser, page, workbench, close };
  } catch (error) {
    await close();
    throw error;
  }
}
