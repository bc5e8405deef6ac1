import type { UwsgiVersion } from '../core/settings';
import { optionRecords, recordsNamed } from './optionRecord';

/** A "did you mean" candidate for an unknown option name. */
export interface OptionSuggestion {
  name: string;
  /** Why it is suggested; `strong` candidates are near-certain (separator, case, known misspelling). */
  reason: 'separator' | 'case' | 'misspelling' | 'typo';
  strong: boolean;
  /** Edit distance between the normalised names (0 for separator/case/misspelling matches). */
  distance: number;
}

/** Misspellings seen in real configs that edit distance alone ranks poorly or ambiguously. */
const KNOWN_MISSPELLINGS: Record<string, string> = {
  'lazyapps': 'lazy-apps',
  'lazy-app': 'lazy-apps',
  'lazyapp': 'lazy-apps',
  'enable-thread': 'enable-threads',
  'enablethreads': 'enable-threads',
  'thread': 'threads',
  'process': 'processes',
  'proccesses': 'processes',
  'worker': 'workers',
  'plugin-dir': 'plugins-dir',
  'python-home': 'home',
  'virtual-env': 'virtualenv',
  'wsgi-module': 'module',
  'wsgifile': 'wsgi-file',
  'harakiri-timeout': 'harakiri',
  'die-on-sigterm': 'die-on-term',
  'chmod-sock': 'chmod-socket',
  'max-request': 'max-requests',
  'pid-file': 'pidfile',
  'log-to': 'logto',
  'log-file': 'logto',
  'logfile': 'logto',
  'static-maps': 'static-map',
  'need-plugins-dir': 'plugins-dir',
  // Names from other servers' configs (gunicorn, mod_wsgi) that people carry over.
  'bind': 'http-socket',
  'timeout': 'harakiri',
  'graceful-timeout': 'worker-reload-mercy',
  'user': 'uid',
  'group': 'gid',
  'pythonhome': 'home',
  'python-home-dir': 'home',
  'wsgi-app': 'module',
  'app-module': 'module',
  'error-log': 'logto',
  'errorlog': 'logto',
  'access-log': 'req-logger',
  'accesslog': 'req-logger',
  'backlog': 'listen',
  'keepalive': 'http-keepalive',
  'pid': 'pidfile',
  'working-dir': 'chdir',
  'workdir': 'chdir',
  'directory': 'chdir',
};

const MAX_SUGGESTIONS = 5;

/** Levenshtein distance with adjacent transpositions, giving up past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** Typos allowed grow with the name: none for very short names, one up to 5 characters, else two. */
function typoLimit(length: number): number {
  if (length <= 3) return 0;
  return length <= 5 ? 1 : 2;
}

function normalise(name: string): string {
  return name.trim().replace(/^-+/, '').toLowerCase().replace(/[_.\s]+/g, '-');
}

const namesByVersion = new Map<UwsgiVersion, { names: string[]; known: Set<string> }>();

function namesFor(version: UwsgiVersion): { names: string[]; known: Set<string> } {
  let entry = namesByVersion.get(version);
  if (!entry) {
    const names = optionRecords()
      .filter((record) => record.argumentByVersion[version])
      .map((record) => record.name);
    namesByVersion.set(version, (entry = { names, known: new Set(names) }));
  }
  return entry;
}

/** Configs repeat the same unknown key (a 1 MB generated ini: 120,000 times); ranking is a scan of every option. */
const rankedCache = new Map<string, OptionSuggestion[]>();
const RANKED_CACHE_LIMIT = 2000;

/** Prefers core/python/http options, then shorter names, when distances tie. */
function pluginRank(name: string): number {
  const plugin = recordsNamed(name)[0]?.plugin ?? '';
  const i = ['core', 'python', 'http'].indexOf(plugin);
  return i === -1 ? 3 : i;
}

/**
 * Ranked candidates for an option name uWSGI does not know, among the names `version` has.
 * uWSGI matches names exactly, so `lazy_apps`, `Lazy-Apps` and `lazyapps` all miss `lazy-apps`.
 */
export function rankOptionSuggestions(name: string, version: UwsgiVersion): OptionSuggestion[] {
  const key = `${version}\0${name}`;
  let ranked = rankedCache.get(key);
  if (!ranked) {
    if (rankedCache.size >= RANKED_CACHE_LIMIT) rankedCache.clear();
    rankedCache.set(key, (ranked = rank(name, version)));
  }
  return ranked.map((s) => ({ ...s }));
}

function rank(name: string, version: UwsgiVersion): OptionSuggestion[] {
  const { names, known } = namesFor(version);
  const wanted = normalise(name);
  const found = new Map<string, OptionSuggestion>();
  const options = new Set<string>();
  // One suggestion per option: `wsgi_file` offers `wsgi-file`, not its alias `file` as well.
  const add = (suggestion: OptionSuggestion): void => {
    if (suggestion.name === name || !known.has(suggestion.name) || found.has(suggestion.name)) return;
    const record = recordsNamed(suggestion.name)[0];
    const option = record ? `${record.plugin}\0${record.canonical}` : suggestion.name;
    if (options.has(option)) return;
    options.add(option);
    found.set(suggestion.name, suggestion);
  };
  if (wanted !== name.toLowerCase() && known.has(wanted)) {
    add({ name: wanted, reason: 'separator', strong: true, distance: 0 });
  }
  if (known.has(wanted)) add({ name: wanted, reason: 'case', strong: true, distance: 0 });
  const misspelt = KNOWN_MISSPELLINGS[wanted] ?? KNOWN_MISSPELLINGS[wanted.replace(/-/g, '')];
  if (misspelt) add({ name: misspelt, reason: 'misspelling', strong: true, distance: 0 });
  const squashed = wanted.replace(/-/g, '');
  const limit = typoLimit(wanted.length);
  const typos: OptionSuggestion[] = [];
  for (const candidate of names) {
    if (found.has(candidate)) continue;
    if (squashed.length > 3 && candidate.replace(/-/g, '') === squashed) {
      add({ name: candidate, reason: 'separator', strong: true, distance: 0 });
      continue;
    }
    if (limit === 0) continue;
    const distance = editDistance(wanted, candidate, limit);
    if (distance <= limit) typos.push({ name: candidate, reason: 'typo', strong: false, distance });
  }
  typos.sort((a, b) => a.distance - b.distance || pluginRank(a.name) - pluginRank(b.name) || a.name.length - b.name.length);
  for (const typo of typos) add(typo);
  // A lone distance-1 typo with nothing else close is as good as certain.
  const list = [...found.values()].slice(0, MAX_SUGGESTIONS);
  if (list.length === 1 && list[0].reason === 'typo' && list[0].distance === 1 && wanted.length >= 6) {
    list[0] = { ...list[0], strong: true };
  }
  return list;
}

/** Option names to offer for an unknown `name` ("did you mean"), best first. */
export function suggestOptions(name: string, version: UwsgiVersion): string[] {
  return rankOptionSuggestions(name, version).map((s) => s.name);
}
