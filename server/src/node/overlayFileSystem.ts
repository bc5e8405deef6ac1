import type { FileSystem } from '../core/fileSystem';
import { normalizePath } from '../core/fileSystem';

/** Unsaved editor buffers win over the disk, so findings follow what the user is typing. */
export class OverlayFileSystem implements FileSystem {
  private readonly buffers = new Map<string, string>();

  constructor(private readonly disk: FileSystem) {}

  setBuffer(path: string, text: string): void {
    this.buffers.set(normalizePath(path), text);
  }

  clearBuffer(path: string): void {
    this.buffers.delete(normalizePath(path));
  }

  readFile(path: string): string | undefined {
    return this.buffers.get(normalizePath(path)) ?? this.disk.readFile(path);
  }

  kind(path: string): 'file' | 'directory' | undefined {
    return this.buffers.has(normalizePath(path)) ? 'file' : this.disk.kind(path);
  }

  readDirectory(path: string): string[] | undefined {
    return this.disk.readDirectory(path);
  }
}
