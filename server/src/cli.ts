import { runCli } from './cli/runCli';

declare const UWSGI_LINT_VERSION: string | undefined;

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version: typeof UWSGI_LINT_VERSION === 'string' ? UWSGI_LINT_VERSION : 'development',
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`uwsgi-lint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
