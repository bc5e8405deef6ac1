/**
 * Just enough of PEP 440 (and Poetry's `^`/`~`) to answer "is every version this pin allows at least X?".
 * Anything we cannot read widens the range rather than guessing.
 */

export interface Version {
  release: number[];
  /** `rc`, `a`, `b`, `dev` releases sort before the final release with the same numbers. */
  pre: boolean;
  text: string;
}

export interface Bound {
  version: Version;
  inclusive: boolean;
}

/** The versions a specifier allows, as one interval (unions are widened to their hull). */
export interface VersionRange {
  lower?: Bound;
  upper?: Bound;
}

export function parseVersion(text: string): Version | undefined {
  const m = /^\s*v?(\d+(?:\.\d+)*)(\.?\*)?([-_.]?(?:a|b|c|rc|alpha|beta|pre|preview|dev)\.?\d*)?(?:\.post\d+|-\d+)?(?:\+[\w.]+)?\s*$/i.exec(text);
  if (!m) return undefined;
  return { release: m[1].split('.').map(Number), pre: m[3] !== undefined, text: text.trim() };
}

export function compareVersions(a: Version, b: Version): number {
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.pre !== b.pre) return a.pre ? -1 : 1;
  return 0;
}

/** Parses `>=2.3,<3`, `==2.3.*`, `~=2.2`, `^2.3`, `~2.3`, `2.3.2` (Poetry exact), `*`, `a || b`. */
export function parseSpecifier(spec: string): VersionRange {
  const alternatives = spec.split('||').map((part) => parseConjunction(part));
  if (alternatives.length === 1) return alternatives[0];
  return alternatives.reduce((hull, range) => ({
    lower: hull.lower && range.lower ? minBound(hull.lower, range.lower) : undefined,
    upper: hull.upper && range.upper ? maxBound(hull.upper, range.upper) : undefined,
  }));
}

function parseConjunction(spec: string): VersionRange {
  let range: VersionRange = {};
  for (const raw of spec.split(',')) {
    const clause = raw.trim();
    if (clause === '' || clause === '*') continue;
    const m = /^(===|==|!=|~=|>=|<=|>|<|\^|~|=)?\s*(.+)$/.exec(clause);
    if (!m) continue;
    range = intersect(range, clauseRange(m[1] ?? '', m[2].trim()));
  }
  return range;
}

function clauseRange(op: string, text: string): VersionRange {
  const wildcard = /\.\*$/.test(text);
  const version = parseVersion(text.replace(/\.\*$/, ''));
  if (!version) return {};
  const inc = (v: Version): Bound => ({ version: v, inclusive: true });
  const exc = (v: Version): Bound => ({ version: v, inclusive: false });
  switch (op) {
    case '':
    case '=':
    case '==':
    case '===':
      return wildcard ? { lower: inc(version), upper: exc(bump(version, version.release.length - 1)) } : { lower: inc(version), upper: inc(version) };
    case '!=':
      return {};
    case '>=':
      return { lower: inc(version) };
    case '>':
      return { lower: exc(version) };
    case '<=':
      return { upper: inc(version) };
    case '<':
      return { upper: exc(version) };
    case '~=':
      return { lower: inc(version), upper: exc(bump(version, Math.max(0, version.release.length - 2))) };
    case '~':
      return { lower: inc(version), upper: exc(bump(version, version.release.length > 1 ? 1 : 0)) };
    case '^': {
      const first = version.release.findIndex((n) => n !== 0);
      const at = first === -1 ? version.release.length - 1 : first;
      return { lower: inc(version), upper: exc(bump(version, at)) };
    }
    default:
      return {};
  }
}

/** The smallest release above every version that shares `version`'s first `index + 1` numbers. */
function bump(version: Version, index: number): Version {
  const release = version.release.slice(0, index + 1);
  release[index] = (release[index] ?? 0) + 1;
  return { release, pre: true, text: release.join('.') };
}

function intersect(a: VersionRange, b: VersionRange): VersionRange {
  return {
    lower: a.lower && b.lower ? maxBound(a.lower, b.lower) : (a.lower ?? b.lower),
    upper: a.upper && b.upper ? minBound(a.upper, b.upper) : (a.upper ?? b.upper),
  };
}

function minBound(a: Bound, b: Bound): Bound {
  const c = compareVersions(a.version, b.version);
  return c < 0 || (c === 0 && a.inclusive) ? a : b;
}

function maxBound(a: Bound, b: Bound): Bound {
  const c = compareVersions(a.version, b.version);
  return c > 0 || (c === 0 && a.inclusive) ? a : b;
}

/**
 * Whether every version in `range` is at least `minimum`: true, false when none is, undefined when
 * the range straddles it or is open downwards.
 */
export function rangeAtLeast(range: VersionRange, minimum: string): boolean | undefined {
  const min = parseVersion(minimum);
  if (!min) return undefined;
  if (range.lower && compareVersions(range.lower.version, min) >= 0) return true;
  if (range.upper) {
    const c = compareVersions(range.upper.version, min);
    if (c < 0 || (c === 0 && !range.upper.inclusive)) return false;
  }
  return undefined;
}
