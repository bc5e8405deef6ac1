/** A PEP 508 requirement as written on one line: `Flask[async]>=2.3,<3 ; python_version >= "3.8"`. */
export interface Requirement {
  /** Normalized per PEP 503: lower-case, runs of `-_.` become `-`. */
  name: string;
  /** The version specifier as written (`>=2.3,<3`), '' when unpinned. */
  specifier: string;
}

export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Reads one requirement; undefined for URLs, paths, options and anything else that names no version. */
export function parseRequirement(text: string): Requirement | undefined {
  const body = text.split(';')[0].trim();
  // No two whitespace runs may meet (body is trimmed, so no trailing `\s*` either): adjacent `\s*` made a
  // name followed by 30,000 spaces and a stray character backtrack for minutes.
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\]\s*)?((?:\(\s*)?(?:[<>=!~^]|===)[^@]*?\)?)?$/.exec(body);
  if (!m) return undefined;
  const specifier = (m[2] ?? '').replace(/[()\s]/g, '');
  return { name: normalizePackageName(m[1]), specifier };
}
