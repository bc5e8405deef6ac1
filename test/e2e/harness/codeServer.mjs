// Starts code-server (VS Code's own workbench and extension host) on a free loopback port with a fresh user-data
// folder and the extensions folder the runner prepared, and stops it (its whole process group) again.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGroup } from './processes.mjs';
import { waitFor } from './wait.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Settings a person would not notice but that keep the window quiet and deterministic: no welcome page, no tips or
// recommendations, no chat/AI entry points, saves only when the test saves.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'files.autoSave': 'off',
  'editor.hover.delay': 300,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.startupPrompt': 'always',
};

/**
 * @param {{ extensionsDir: string, trust?: boolean, folder: string }} options
 *   trust=false starts without --disable-workspace-trust: the window opens asking whether to trust the folder.
 */
export async function startCodeServer({ extensionsDir, trust = true, folder }) {
  const bin = process.env.E2E_CODE_SERVER;
  if (!bin) throw new Error('E2E_CODE_SERVER is not set: run the suite through `npm run test:e2e`');
  const base = process.env.E2E_RUN_DIR ?? tmpdir();
  const userDataDir = mkdtempSync(join(base, 'user-data-'));
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // Its own config file, so a developer's ~/.config/code-server/config.yaml (password, cert, bind) never applies.
  const configFile = join(userDataDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const port = await freePort();
  const args = [
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(trust ? ['--disable-workspace-trust'] : []),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    folder,
  ];
  const proc = startGroup(bin, args, { env: { ...process.env, VSCODE_PROXY_URI: '' } });
  let output = '';
  proc.child.stdout.on('data', (d) => (output += d));
  proc.child.stderr.on('data', (d) => (output += d));
  let exitedEarly;
  proc.exited.then((r) => (exitedEarly = r));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('code-server to answer /healthz', 60_000, async () => {
      if (exitedEarly) throw new Error(`code-server exited (${JSON.stringify(exitedEarly)}):\n${output}`);
      try {
        const res = await fetch(`${url}/healthz`);
        return res.ok;
      } catch {
        return false;
      }
    });
  } catch (error) {
    await proc.stop();
    throw new Error(`${error.message}\n--- code-server output ---\n${output}`);
  }
  return { url, port, userDataDir, output: () => output, stop: proc.stop };
}
