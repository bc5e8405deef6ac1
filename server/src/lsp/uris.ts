import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalizePath } from '../core/fileSystem';

/** Only `file:` documents are linted: the engine follows imports and includes on disk. */
export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

export function uriToPath(uri: string): string {
  return normalizePath(fileURLToPath(uri));
}

/**
 * Remembers the exact URI spelling the client used for each open file, so diagnostics and edits
 * name documents the way the editor does; other files get a canonical `file:` URI.
 */
export class UriRegistry {
  private readonly known = new Map<string, string>();

  remember(uri: string): string {
    const path = uriToPath(uri);
    this.known.set(path, uri);
    return path;
  }

  toUri(path: string): string {
    return this.known.get(normalizePath(path)) ?? pathToFileURL(path).href;
  }
}
