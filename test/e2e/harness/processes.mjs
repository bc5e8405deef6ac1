// Every process this tier starts runs in a process group of its own and is recorded here, so that it is stopped
// whatever way the test process ends: a finished test (explicit stop), a failed assertion (finally/after hooks),
// Ctrl+C or a kill from the runner (signal handlers), or a crash (the runner sweeps the pid files afterwards).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const live = new Set();
const pidDir = process.env.E2E_RUN_DIR ? join(process.env.E2E_RUN_DIR, 'pids') : undefined;

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid) {
  return killGroup(pid, 0);
}

/** Starts a command as the leader of a new process group; returns a handle whose stop() ends the whole group. */
export function startGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true, stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command}`);
  live.add(pid);
  if (pidDir) {
    mkdirSync(pidDir, { recursive: true });
    writeFileSync(join(pidDir, String(pid)), `${command} ${args.join(' ')}\n`);
  }
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      killGroup(pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
      live.delete(pid);
      if (pidDir) rmSync(join(pidDir, String(pid)), { force: true });
    })();
    return stopping;
  };
  return { child, pid, exited, stop };
}

/** Synchronous last resort for exit paths where nothing can be awaited. */
export function killAllNow() {
  for (const pid of live) {
    killGroup(pid, 'SIGKILL');
    if (pidDir) rmSync(join(pidDir, String(pid)), { force: true });
  }
  live.clear();
}

process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killAllNow();
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 })[signal]);
  });
}
