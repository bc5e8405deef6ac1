// Glue between node:test and a session: one code-server + browser per test file, started in before() and stopped in
// after() (which node:test runs on failure too), and a screenshot of every asserted step, also of a failed one.
import { after, before } from 'node:test';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot } from './browser.mjs';
import { openSession } from './session.mjs';

/** @returns {{ current: Awaited<ReturnType<typeof openSession>> }} filled in by before() */
export function useSession(options) {
  const holder = {};
  before(async () => {
    holder.current = await openSession(options);
  });
  after(async () => {
    await holder.current?.close();
  });
  return holder;
}

/** Runs an asserted step; saves `name.png` when it passes and `name-FAILED.png` when it does not. */
export async function step(session, name, fn) {
  try {
    const result = await fn();
    await screenshot(session.page, name);
    return result;
  } catch (error) {
    await screenshot(session.page, `${name}-FAILED`).catch(() => {});
    throw error;
  }
}

/**
 * Marks a screenshot of this scenario as fit for the README. Called as the scenario's last line, so only a scenario
 * whose every assertion held offers its picture; the runner copies it into docs/images/.
 */
export function offerForDocs(screenshotName, docsName) {
  if (!process.env.E2E_RUN_DIR) return;
  appendFileSync(join(process.env.E2E_RUN_DIR, 'docs-images.txt'), `${screenshotName}.png ${docsName}\n`);
}

export function readWorkspaceFile(session, relativePath) {
  return readFileSync(join(session.folder, relativePath), 'utf8');
}

/** The UW301 the example must produce: one on the ini (`module = ...`) and one on the Python line. */
export const INI = 'uwsgi.ini';
export const PYTHON = 'shop/__init__.py';

export function findingsWithCode(files, name, code) {
  return files.filter((f) => f.name === name).flatMap((f) => f.markers.filter((m) => m.code === code));
}

export function hasFinding(files, name, code) {
  return findingsWithCode(files, name, code).length > 0;
}
