import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const SERVER = resolve(__dirname, '../../../dist/server.js');

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  tags?: number[];
  relatedInformation?: { location: { uri: string; range: LspDiagnostic['range'] }; message: string }[];
  data?: unknown;
}

/**
 * A real LSP session with the bundled server over stdio: it answers the server's
 * `workspace/configuration` pulls from `settings`, records every publishDiagnostics, and
 * lets tests wait for a condition with a deadline instead of sleeping.
 */
export class LspSession {
  readonly diagnostics = new Map<string, LspDiagnostic[]>();
  settings: Record<string, unknown> = {};
  private readonly child: ChildProcess;
  readonly connection: MessageConnection;
  private readonly listeners = new Set<() => void>();
  stderr = '';

  /** `root` must be a folder this session created (it is deleted on close). */
  constructor(readonly root: string) {
    if (!root.startsWith(tmpdir() + '/') || root.length <= tmpdir().length + 1) throw new Error(`refusing to own ${root}`);
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: LspDiagnostic[] }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      for (const listener of this.listeners) listener();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** Starts a session on a temporary workspace holding `files` (relative path → text). */
  static tempRoot(): string {
    return mkdtempSync(join(tmpdir(), 'uwsgi-lint-protocol-'));
  }

  static async start(files: Record<string, string>, initOptions: { configuration?: boolean } = {}): Promise<LspSession> {
    const root = LspSession.tempRoot();
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const session = new LspSession(root);
    await session.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
      capabilities: {
        workspace: { configuration: initOptions.configuration !== false, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } } },
      },
    });
    await session.connection.sendNotification('initialized', {});
    return session;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.root, path)).href;
  }

  write(path: string, text: string): void {
    writeFileSync(join(this.root, path), text);
  }

  async open(path: string, text: string, languageId = path.endsWith('.py') ? 'python' : 'uwsgi-ini'): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: this.uri(path), languageId, version: 1, text },
    });
  }

  async change(path: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri(path), version },
      contentChanges: [{ text }],
    });
  }

  /** Resolves with the diagnostics of `path` once `predicate` holds for them; rejects at the deadline. */
  waitForDiagnostics(path: string, predicate: (d: LspDiagnostic[]) => boolean, timeoutMs = 15000): Promise<LspDiagnostic[]> {
    const uri = this.uri(path);
    return new Promise((resolvePromise, reject) => {
      const check = (): boolean => {
        const current = this.diagnostics.get(uri);
        if (current && predicate(current)) {
          this.listeners.delete(listener);
          clearTimeout(timer);
          resolvePromise(current);
          return true;
        }
        return false;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out waiting for diagnostics on ${path}; last: ${JSON.stringify(this.diagnostics.get(uri) ?? null)}\n${this.stderr}`));
      }, timeoutMs);
      this.listeners.add(listener);
      check();
    });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone; it is killed below either way
    }
    this.connection.dispose();
    this.child.kill();
    rmSync(this.root, { recursive: true, force: true });
  }
}

export const codes = (diagnostics: LspDiagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();
