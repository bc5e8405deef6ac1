/** What an app option's value names, split the way `pyloader.c` splits it. */
export interface EntryTarget {
  /** `file` when uWSGI loads a path (`.py`/`.wsgi`, or any `/` for imports); else a dotted module. */
  form: 'module' | 'file';
  /** Dotted module name or path as written. */
  target: string;
  /** `mod:name` → `name`; `mod:factory()` → `factory`. */
  callable?: string;
  callsFactory: boolean;
  /** Offset of `target` and `callable` inside the value, for edits. */
  callableOffset?: number;
}

/**
 * `module`/`wsgi`: `pkg.mod`, `pkg.mod:app`, `pkg.mod:create_app()`. Always a module import
 * (`uwsgi_uwsgi_loader`): `module = mysite.wsgi` is Django's `mysite/wsgi.py`, not a file.
 */
export function parseModuleValue(value: string): EntryTarget {
  const colon = value.indexOf(':');
  const target = (colon >= 0 ? value.slice(0, colon) : value).trim();
  const rest = colon >= 0 ? value.slice(colon + 1) : undefined;
  const factory = rest !== undefined && /\(\s*\)\s*$/.test(rest);
  const callable = rest?.replace(/\(\s*\)\s*$/, '').trim();
  return {
    form: 'module',
    target,
    callable: callable || undefined,
    callsFactory: factory,
    callableOffset: colon >= 0 ? colon + 1 : undefined,
  };
}

/** `mount = /prefix=target`: a `.py`/`.wsgi` file or `mod:callable` (uWSGI ignores other targets). */
export function parseMountValue(value: string): { mountpoint: string; target?: EntryTarget; targetOffset: number } {
  const eq = value.indexOf('=');
  if (eq < 0) return { mountpoint: '', targetOffset: 0 };
  const raw = value.slice(eq + 1);
  const lead = raw.length - raw.trimStart().length;
  const app = raw.trim();
  if (!/\.(py|wsgi)$/.test(app) && !app.includes(':')) return { mountpoint: value.slice(0, eq).trim(), targetOffset: eq + 1 + lead };
  const isFile = /\.(py|wsgi)$/.test(app);
  const target: EntryTarget = isFile ? { form: 'file', target: app, callsFactory: false } : parseModuleValue(app);
  return { mountpoint: value.slice(0, eq).trim(), target, targetOffset: eq + 1 + lead };
}

/** `import`/`shared-import`: a path when it contains `/` or ends in `.py`, else a module. */
export function parseImportValue(value: string): EntryTarget {
  const target = value.trim();
  return { form: target.includes('/') || target.endsWith('.py') ? 'file' : 'module', target, callsFactory: false };
}
