import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { FileSystem } from '../core/fileSystem';

/** Files larger than this are treated as unreadable: no uWSGI config or app module is this big. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The real disk, read-only, for the CLI and for files the editor has not opened. */
export class NodeFileSystem implements FileSystem {
  readFile(path: string): string | undefined {
    try {
      const stat = statSync(path);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  kind(path: string): 'file' | 'directory' | undefined {
    try {
      const stat = statSync(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : undefined;
    } catch {
      return undefined;
    }
  }

  readDirectory(path: string): string[] | undefined {
    try {
      return readdirSync(path).sort();
    } catch {
      return undefined;
    }
  }
}
