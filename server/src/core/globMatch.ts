/**
 * Minimal glob matching for `uwsgiLint.exclude`: `**` spans folders, `*` and `?` stay within one,
 * `{a,b}` alternates. Patterns without a `/` match a file name at any depth, as in .gitignore.
 */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.?\//, '');
  const glob = pattern.includes('/') ? pattern.replace(/^\.?\//, '') : `**/${pattern}`;
  return globToRegExp(glob).test(path);
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        out += '(?:' + glob.slice(i + 1, close).split(',').map(escape).join('|') + ')';
        i = close;
      }
    } else out += escape(c);
  }
  return new RegExp(`^${out}(?:/.*)?$`);
}

function escape(text: string): string {
  return text.replace(/[.+^$()|[\]\\]/g, '\\$&');
}
