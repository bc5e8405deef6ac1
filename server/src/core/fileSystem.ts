/**
 * Everything the core reads goes through this interface, so the same analysis runs
 * over the disk (CLI), over open editor buffers layered on the disk (server) and over
 * an in-memory map (tests). Paths are absolute and use `/` separators.
 * The core never writes, executes or reaches the network.
 */
export interface FileSystem {
  /** The file's text, or undefined when it does not exist or is not a readable file. */
  readFile(path: string): string | undefined;
  /** 'file', 'directory' or undefined when nothing is there. */
  kind(path: string): 'file' | 'directory' | undefined;
  /** Entry names (not paths) of a directory, or undefined when it is not one. */
  readDirectory(path: string): string[] | undefined;
}

/** A FileSystem over a plain object of path → text; directories are implied by the paths. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, string>();
  /** Folder → entry names, rebuilt after a change; keeps kind()/readDirectory() cheap in big test workspaces. */
  private folders: Map<string, Set<string>> | undefined;

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(normalizePath(path), text);
  }

  set(path: string, text: string): void {
    this.files.set(normalizePath(path), text);
    this.folders = undefined;
  }

  delete(path: string): void {
    this.files.delete(normalizePath(path));
    this.folders = undefined;
  }

  readFile(path: string): string | undefined {
    return this.files.get(normalizePath(path));
  }

  kind(path: string): 'file' | 'directory' | undefined {
    const p = normalizePath(path);
    if (this.files.has(p)) return 'file';
    return this.folderIndex().has(p) ? 'directory' : undefined;
  }

  readDirectory(path: string): string[] | undefined {
    const names = this.folderIndex().get(normalizePath(path));
    return names ? [...names].sort() : undefined;
  }

  private folderIndex(): Map<string, Set<string>> {
    if (this.folders) return this.folders;
    const folders = new Map<string, Set<string>>();
    for (const file of this.files.keys()) {
      let child = file;
      while (child !== '/') {
        const parent = dirname(child);
        let names = folders.get(parent);
        if (!names) folders.set(parent, (names = new Set()));
        names.add(child.slice(child.lastIndexOf('/') + 1));
        child = parent;
      }
    }
    this.folders = folders;
    return folders;
  }
}

/** Collapses `.`/`..` segments and duplicate slashes; keeps paths absolute. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

export function dirname(path: string): string {
  const p = normalizePath(path);
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function basename(path: string): string {
  const p = normalizePath(path);
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Resolves `target` against directory `base` unless it is already absolute. */
export function resolvePath(base: string, target: string): string {
  return normalizePath(target.startsWith('/') ? target : base + '/' + target);
}
