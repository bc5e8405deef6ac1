import type { Span } from '../core/finding';
import { basename } from '../core/fileSystem';
import type { RuleContext } from '../rules/rule';
import { parseSpecifier, parseVersion, rangeAtLeast, type VersionRange } from './pep440';
import { normalizePackageName, parseRequirement } from './requirementLine';
import { readRequirementsFile } from './requirementsFiles';
import { deploymentDirs } from './searchDirs';
import { readToml, type TomlEntry } from './tomlLite';

export type PinSource = 'lock' | 'requirements' | 'pyproject' | 'poetry' | 'pipfile';

/** What the project's dependency files say about one package's version, and where. */
export interface PythonPin {
  /** PEP 503 normalized name (`flask`, `sqlalchemy`, `flask-sqlalchemy`). */
  name: string;
  /** The specifier as written (`==2.3.2`, `>=2.3`, `~=2.2`, `^2.3`); the version itself for lock files; '' unpinned. */
  specifier: string;
  /** The one version allowed, for `==X` pins and lock files. */
  exact?: string;
  range: VersionRange;
  source: PinSource;
  /** The line or string that pins it. */
  origin: Span;
  /** File name for messages, e.g. `requirements.txt` or `poetry.lock`. */
  via: string;
}

/** Lock files say what is installed; then exact pins; requirements before project metadata. */
const SOURCE_RANK: Record<PinSource, number> = { lock: 0, requirements: 1, pipfile: 2, poetry: 3, pyproject: 4 };

/** Every pin found in the deployment folders, best first (nearest folder, then lock > requirements > metadata). */
export function pythonPins(context: RuleContext): PythonPin[] {
  return context.memo('deploy.pythonPins', () => {
    const pins: { pin: PythonPin; dir: number }[] = [];
    deploymentDirs(context).forEach((dir, index) => {
      for (const pin of pinsInFolder(context, dir)) pins.push({ pin, dir: index });
    });
    pins.sort((a, b) => precision(a.pin) - precision(b.pin) || a.dir - b.dir || SOURCE_RANK[a.pin.source] - SOURCE_RANK[b.pin.source]);
    return pins.map((p) => p.pin);
  });
}

/** The best pin for a package (`flask`, `SQLAlchemy`…), or undefined when no dependency file names it. */
export function pinnedVersion(context: RuleContext, name: string): PythonPin | undefined {
  const wanted = normalizePackageName(name);
  return pythonPins(context).find((pin) => pin.name === wanted);
}

/**
 * Whether the pinned package is certainly at least `minimum` (true), certainly below it (false),
 * or either (undefined: unpinned, open range, or no pin).
 */
export function pinAtLeast(pin: PythonPin | undefined, minimum: string): boolean | undefined {
  return pin ? rangeAtLeast(pin.range, minimum) : undefined;
}

/** Exact versions first: a lock file or `==` pin decides better than a range. */
function precision(pin: PythonPin): number {
  if (pin.source === 'lock') return 0;
  if (pin.exact) return 1;
  return pin.specifier ? 2 : 3;
}

function pinsInFolder(context: RuleContext, dir: string): PythonPin[] {
  const names = context.fs.readDirectory(dir) ?? [];
  const out: PythonPin[] = [];
  const at = (name: string) => (dir === '/' ? '' : dir) + '/' + name;
  for (const name of names) {
    if (/^requirements.*\.(txt|in)$/i.test(name)) for (const item of requirementsPins(context, at(name))) out.push(item);
    else if (name === 'pyproject.toml') for (const item of pyprojectPins(context, at(name))) out.push(item);
    else if (name === 'Pipfile') for (const item of pipfilePins(context, at(name))) out.push(item);
    else if (name === 'poetry.lock' || name === 'uv.lock' || name === 'pdm.lock') for (const item of lockPins(context, at(name))) out.push(item);
    else if (name === 'Pipfile.lock') for (const item of pipfileLockPins(context, at(name))) out.push(item);
  }
  if (names.includes('requirements')) {
    for (const name of context.fs.readDirectory(at('requirements')) ?? []) {
      if (/\.(txt|in)$/.test(name)) for (const item of requirementsPins(context, at('requirements/' + name))) out.push(item);
    }
  }
  return out;
}

function requirementsPins(context: RuleContext, path: string): PythonPin[] {
  return readRequirementsFile(context.fs, path).map((r) =>
    makePin(r.name, r.specifier, 'requirements', { file: r.file, start: r.start, end: r.end }),
  );
}

function pyprojectPins(context: RuleContext, path: string): PythonPin[] {
  const out: PythonPin[] = [];
  for (const entry of tomlOf(context, path)) {
    if (entry.table === 'project' && entry.key === 'dependencies' && entry.value.kind === 'array') {
      for (const item of entry.value.items) {
        const r = parseRequirement(item.value);
        if (r) out.push(makePin(r.name, r.specifier, 'pyproject', { file: path, start: item.start, end: item.end }));
      }
    } else if (/^tool\.poetry(\.group\.[\w-]+)?\.dependencies$/.test(entry.table)) {
      const pin = tableDependency(entry, 'poetry', path);
      if (pin) out.push(pin);
    }
  }
  return out;
}

function pipfilePins(context: RuleContext, path: string): PythonPin[] {
  return tomlOf(context, path)
    .filter((entry) => entry.table === 'packages')
    .map((entry) => tableDependency(entry, 'pipfile', path))
    .filter((pin): pin is PythonPin => pin !== undefined);
}

/** `flask = "^2.3"` or `flask = { version = "^2.3", extras = [...] }`. */
function tableDependency(entry: TomlEntry, source: PinSource, path: string): PythonPin | undefined {
  if (entry.key === 'python') return undefined;
  const value = entry.value;
  const str = value.kind === 'string' ? value.string : value.kind === 'table' ? value.fields.version : undefined;
  if (!str) return undefined;
  const spec = str.value.trim() === '*' ? '' : str.value.trim();
  return makePin(entry.key, spec, source, { file: path, start: entry.start, end: entry.end });
}

/** poetry.lock / uv.lock / pdm.lock: `[[package]]` with `name` and `version`. */
function lockPins(context: RuleContext, path: string): PythonPin[] {
  const byElement = new Map<number, { name?: TomlEntry; version?: TomlEntry }>();
  for (const entry of tomlOf(context, path)) {
    if (entry.table !== 'package' || entry.element < 0 || entry.value.kind !== 'string') continue;
    const slot = byElement.get(entry.element) ?? {};
    if (entry.key === 'name') slot.name = entry;
    if (entry.key === 'version') slot.version = entry;
    byElement.set(entry.element, slot);
  }
  const out: PythonPin[] = [];
  for (const { name, version } of byElement.values()) {
    if (name?.value.kind !== 'string' || version?.value.kind !== 'string') continue;
    const pin = makePin(name.value.string.value, '==' + version.value.string.value, 'lock', {
      file: path,
      start: version.start,
      end: version.end,
    });
    out.push({ ...pin, specifier: version.value.string.value });
  }
  return out;
}

/** Pipfile.lock is JSON: `{"default": {"flask": {"version": "==2.3.2"}}}`. */
function pipfileLockPins(context: RuleContext, path: string): PythonPin[] {
  const text = context.fs.readFile(path);
  if (text === undefined) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const packages = (data as { default?: unknown })?.default;
  if (!packages || typeof packages !== 'object') return [];
  const out: PythonPin[] = [];
  for (const [name, info] of Object.entries(packages as Record<string, unknown>)) {
    const version = (info as { version?: unknown })?.version;
    if (typeof version !== 'string' || !/^==/.test(version)) continue;
    const at = text.indexOf(`"${name}"`);
    const pin = makePin(name, version, 'lock', { file: path, start: Math.max(0, at), end: at < 0 ? 0 : at + name.length + 2 });
    out.push({ ...pin, specifier: version.slice(2) });
  }
  return out;
}

function makePin(name: string, specifier: string, source: PinSource, origin: Span): PythonPin {
  const exactMatch = /^={2,3}([^,*]+)$/.exec(specifier) ?? (source === 'poetry' ? /^=?(\d[^,*<>=~^|\s]*)$/.exec(specifier) : null);
  const exact = exactMatch && parseVersion(exactMatch[1]) ? exactMatch[1].trim() : undefined;
  return {
    name: normalizePackageName(name),
    specifier,
    exact,
    range: parseSpecifier(specifier),
    source,
    origin,
    via: basename(origin.file),
  };
}

function tomlOf(context: RuleContext, path: string): TomlEntry[] {
  return context.memo(`deploy.toml:${path}`, () => {
    const text = context.fs.readFile(path);
    return text === undefined ? [] : readToml(text);
  });
}
