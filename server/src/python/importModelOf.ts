import { appEntriesOf } from '../app/appEntries';
import { appNeverImported } from '../app/appNeverImported';
import type { RuleContext } from '../rules/rule';
import { buildImportModel, type ImportModel } from './importModel';

/**
 * The import-time model of the analysed config, built once per analysis and shared by UW3xx rules.
 * When uWSGI never gets to import Python (it exits on the config, or no python plugin is loaded)
 * nothing runs: no connection, no hook.
 */
export function importModelOf(context: RuleContext): ImportModel {
  return context.memo(`python.importModel:${context.section}`, () =>
    buildImportModel(context.fs, appNeverImported(context) ? [] : appEntriesOf(context)),
  );
}

/**
 * Python files the model ran, for the server's reverse dependency index (a change to any of
 * them re-runs this config). Every read also goes through `context.fs`, so
 * `AnalysisResult.dependencies` already lists them together with the lookups that failed.
 */
export function importedPythonFiles(model: ImportModel): string[] {
  return model.modules.map((m) => m.file).filter((f): f is string => f !== undefined);
}
