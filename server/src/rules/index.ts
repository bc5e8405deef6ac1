import type { Rule } from './rule';
import { UW001 } from './UW001-noUwsgiSection';
import { UW002 } from './UW002-includeCycle';
import { UW003 } from './UW003-includeNotFound';
import { UW004 } from './UW004-logicBlock';
import { UW005 } from './UW005-unknownMagic';
import { UW006 } from './UW006-readerNotFound';
import { UW007 } from './UW007-envDefault';
import { UW008 } from './UW008-keysBeforeSection';
import { UW009 } from './UW009-unusedSuppression';
import { UW101 } from './UW101-unknownOption';
import { UW102 } from './UW102-invalidValue';
import { UW103 } from './UW103-inlineComment';
import { UW104 } from './UW104-lazy';
import { UW105 } from './UW105-masterRequired';
import { UW106 } from './UW106-pythonPluginMissing';
import { UW107 } from './UW107-versionMismatch';
import { UW108 } from './UW108-duplicateScalar';
import { UW201 } from './UW201-entryNotFound';
import { UW202 } from './UW202-callableNotDefined';
import { UW203 } from './UW203-needApp';
import { UW301 } from './UW301-connectionBeforeFork';
import { UW302 } from './UW302-beforeFirstRequest';
import { UW303 } from './UW303-clientBeforeFork';
import { UW304 } from './UW304-sharedImportConnects';
import { UW305 } from './UW305-deadForkCleanup';
import { UW306 } from './UW306-perWorkerSetup';
import { UW401 } from './UW401-protocolMismatch';
import { UW402 } from './UW402-httpRouterBehindProxy';
import { UW403 } from './UW403-bufferSizeBelowProxyHeaders';
import { UW404 } from './UW404-unixSocketPermissions';
import { UW405 } from './UW405-dieOnTermInContainer';
import { UW406 } from './UW406-harakiriAfterProxyTimeout';

/**
 * Every rule, in code order. This list is the only place rules are registered; settings
 * schema, docs index and tests are checked against it.
 */
export const RULES: readonly Rule[] = [
  UW001,
  UW002,
  UW003,
  UW004,
  UW005,
  UW006,
  UW007,
  UW008,
  UW009,
  UW101,
  UW102,
  UW103,
  UW104,
  UW105,
  UW106,
  UW107,
  UW108,
  UW201,
  UW202,
  UW203,
  UW301,
  UW302,
  UW303,
  UW304,
  UW305,
  UW306,
  UW401,
  UW402,
  UW403,
  UW404,
  UW405,
  UW406,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((rule) => rule.code === code);
}
