import type { AppEntry } from '../../server/src/app/appEntry';

/** A hand-built entry as entry resolution would produce it for `module = name` in /w/app.ini. */
export function moduleEntry(moduleName: string, extra: Partial<AppEntry> = {}): AppEntry {
  return {
    kind: 'module',
    origin: { file: '/w/app.ini', start: 8, end: 14 },
    key: 'module',
    value: moduleName,
    moduleName: moduleName.split(':')[0],
    callable: moduleName.includes(':') ? moduleName.split(':')[1].replace('()', '') : 'application',
    callsFactory: moduleName.endsWith('()'),
    searchPath: ['/w'],
    mappingNotes: [],
    conditional: false,
    ...extra,
  };
}
