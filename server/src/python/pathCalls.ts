import { dirname, normalizePath, resolvePath } from '../core/fileSystem';
import type { Args } from './evalExpressions';
import type { Scope } from './scope';
import { UNKNOWN, type Value } from './values';

/**
 * Just enough of `os.path` and `sys.path` to follow the classic wsgi.py preamble
 * `sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))`: later imports then search there.
 */
export function pathCall(name: string, args: Args, scope: Scope): Value | undefined {
  const strings = args.positional.map((v) => (v.kind === 'const' && typeof v.value === 'string' ? v.value : undefined));
  switch (name) {
    case 'os.path.dirname':
      return strings[0] === undefined ? UNKNOWN : text(dirname(strings[0]));
    case 'os.path.abspath':
    case 'os.path.realpath':
    case 'os.path.normpath':
      return strings[0] === undefined ? UNKNOWN : text(resolvePath(scope.module.file ? dirname(scope.module.file) : '/', strings[0]));
    case 'os.path.join':
      return strings.length > 0 && strings.every((s) => s !== undefined) ? text(strings.reduce((a, b) => resolvePath(a!, b!))!) : UNKNOWN;
    case 'sys.path.insert':
    case 'sys.path.append': {
      const dir = name === 'sys.path.insert' ? strings[1] : strings[0];
      if (dir !== undefined && dir.startsWith('/') && !scope.module.searchPath.includes(normalizePath(dir))) {
        if (name === 'sys.path.insert') scope.module.searchPath.unshift(normalizePath(dir));
        else scope.module.searchPath.push(normalizePath(dir));
      }
      return UNKNOWN;
    }
    default:
      return undefined;
  }
}

function text(value: string): Value {
  return { kind: 'const', value };
}
