import { relative } from 'node:path';

/** Paths inside the working folder print relative to it, as compilers and linters do. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel : file;
}
