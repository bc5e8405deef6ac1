import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileSystem } from '../core/fileSystem';
import type { LintSettings } from '../core/settings';

/**
 * What the server adapter offers to the LSP handlers it registers: the connection, the open
 * documents, a file system that sees open buffers over the disk, and settings per file.
 */
export interface ServerServices {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** Open editor buffers layered over the disk; paths are absolute. */
  fs: FileSystem;
  /** The workspace folders, as absolute paths. */
  workspaceRoots(): string[];
  /** Normalized settings for the file at `path` (multi-root: per resource). */
  settingsFor(path: string): Promise<LintSettings>;
  /** URI ↔ absolute path. */
  uriToPath(uri: string): string;
  pathToUri(path: string): string;
}
