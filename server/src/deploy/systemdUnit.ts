import { shellWords } from './shellWords';
import { readUwsgiCommand, type UwsgiCommand } from './uwsgiCommand';

export interface UnitEnv {
  name: string;
  value: string;
  start: number;
  end: number;
}

export interface SystemdUnit {
  path: string;
  environment: UnitEnv[];
  /** `EnvironmentFile=` paths (a leading `-` means optional and is dropped). */
  environmentFiles: string[];
  workingDirectory?: string;
  uwsgi: UwsgiCommand;
}

/** Reads the `[Service]` keys this linter needs; other sections and malformed lines are ignored. */
export function readSystemdUnit(path: string, text: string): SystemdUnit {
  const unit: SystemdUnit = { path, environment: [], environmentFiles: [], uwsgi: { runsUwsgi: false, inis: [], options: [] } };
  let section = '';
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lineStart = pos;
    pos += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || /^[#;]/.test(trimmed)) continue;
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header) {
      section = header[1];
      continue;
    }
    const m = /^\s*([A-Za-z]+)\s*=\s*/.exec(line);
    if (!m || section !== 'Service') continue;
    const valueStart = lineStart + m[0].length;
    const value = line.slice(m[0].length);
    if (m[1] === 'Environment') {
      for (const word of shellWords(value, valueStart)) {
        const eq = word.text.indexOf('=');
        if (eq > 0) unit.environment.push({ name: word.text.slice(0, eq), value: word.text.slice(eq + 1), start: word.start, end: word.end });
      }
    } else if (m[1] === 'EnvironmentFile') {
      unit.environmentFiles.push(value.trim().replace(/^-/, ''));
    } else if (m[1] === 'WorkingDirectory') {
      unit.workingDirectory = value.trim().replace(/^-/, '');
    } else if (m[1] === 'ExecStart') {
      // Prefixes `@`, `-`, `+`, `!` change how systemd runs the command, not what it runs.
      const prefix = /^[@\-+!:]*/.exec(value)?.[0].length ?? 0;
      const command = readUwsgiCommand(shellWords(value.slice(prefix), valueStart + prefix));
      if (command.runsUwsgi) unit.uwsgi = command;
    }
  }
  return unit;
}

/** `KEY=value` lines of an environment file (systemd EnvironmentFile or compose env_file). */
export function readEnvFile(text: string): UnitEnv[] {
  const out: UnitEnv[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lineStart = pos;
    pos += raw.length + 1;
    // `(.*)` then trimEnd: a lazy `(.*?)\s*$` is quadratic in a long run of spaces inside the value.
    const m = /^(\s*(?:export\s+)?)([A-Za-z_][\w.]*)\s*=\s*(.*)$/.exec(raw.replace(/\r$/, ''));
    if (!m) continue;
    const value = m[3].trimEnd().replace(/^(["'])(.*)\1$/, '$2');
    out.push({ name: m[2], value, start: lineStart + m[1].length, end: lineStart + raw.replace(/\r$/, '').trimEnd().length });
  }
  return out;
}
