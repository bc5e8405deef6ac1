import { commandLineOptionsOf } from '../deploy/commandLineOptions';
import { targetOfIni } from '../deploy/pathMapping';
import { uwsgiEnvironmentOf } from '../deploy/uwsgiEnvironment';
import type { RuleContext } from '../rules/rule';
import type { EffectiveConfig } from './effectiveConfig';
import { loadEffectiveConfig } from './loadConfig';

/** The effective configuration of the analysed `rootPath[:section]`, built once per analysis. */
export function effectiveConfigOf(context: RuleContext): EffectiveConfig {
  return context.memo(`config.effective:${context.section}`, () =>
    loadEffectiveConfig({
      rootPath: context.rootPath,
      section: context.section,
      fs: context.fs,
      settings: context.settings,
      environment: uwsgiEnvironmentOf(context),
      commandLine: commandLineOptionsOf(context),
      // `$(VAR)` reads the whole environment of the service running this ini, not only UWSGI_*.
      variables: targetOfIni(context)?.env ?? [],
    }),
  );
}
