import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

// `--stdio`, `--node-ipc` and `--socket=N` on the command line choose the transport.
startServer(createConnection(ProposedFeatures.all));
