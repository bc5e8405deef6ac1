import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { adoptUwsgiConfigs } from './languageDetection';

const CLIENT_ID = 'uwsgiLint';
const CLIENT_NAME = 'uWSGI Lint';

/** Files whose changes can change a finding: configs, Python sources, deployment files (paths, env) and nginx configs. */
const WATCHED =
  '**/{*.ini,*.py,Dockerfile,Dockerfile.*,*.Dockerfile,docker-compose*.yml,docker-compose*.yaml,compose*.yml,compose*.yaml,' +
  '*.service,requirements*.txt,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,uv.lock,pdm.lock,*.env,' +
  '*.conf,*.nginx,*.conf.template,sites-enabled/*,sites-available/*}';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'uwsgi-ini' },
      { scheme: 'file', language: 'ini' },
      { scheme: 'file', language: 'python' },
    ],
    synchronize: { fileEvents: watcher },
    outputChannel: output,
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('uwsgiLint.restartServer', async () => {
      output.info('Restarting the uWSGI Lint server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('uwsgiLint.showOutput', () => output.show(true)),
    adoptUwsgiConfigs(),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
