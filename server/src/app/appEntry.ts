import type { EffectiveEntry } from '../config/model';
import type { Span } from '../core/finding';

/**
 * One piece of Python that uWSGI imports for a config, as named by an ini option
 * (`module`, `wsgi-file`, `mount`, `import`, `shared-import`, …), resolved into the workspace.
 */
export interface AppEntry {
  /** How uWSGI loads it; decides when it runs relative to the fork. */
  kind: 'module' | 'file' | 'mount' | 'import' | 'shared-import';
  /** The ini entry that names it: where entry findings and quick fixes land. */
  origin: Span;
  /** Option name as written in the ini (`wsgi`, `module`, `file`, …). */
  key: string;
  /** Value after placeholder expansion, as uWSGI would see it. */
  value: string;
  /** Dotted module name for module-style targets. */
  moduleName?: string;
  /** Workspace file uWSGI would import, when found. */
  filePath?: string;
  /** The WSGI callable uWSGI looks up (`application` unless `callable` or `mod:name` says otherwise). */
  callable?: string;
  /** `module = pkg.mod:create_app()`: uWSGI calls the factory at load time. */
  callsFactory?: boolean;
  /** Workspace folders on `sys.path`, in the order Python searches them. */
  searchPath: string[];
  /** How deploy-side paths were mapped into the workspace, for hover and related information. */
  mappingNotes: string[];
  /** Whether the entry sits inside a config logic block (`if-env`…), so it may not apply. */
  conditional: boolean;
  /** The configuration entry itself (file, spans, parsed ini line) for fixes. */
  source?: EffectiveEntry;
  /** Where the callable's name comes from: `mod:name` in the value, the `callable` option, or uWSGI's default. */
  callableFrom?: 'value' | 'option' | 'default';
  /** `__init__.py` files of the enclosing packages, outermost first: Python runs them before `filePath`. */
  packageInits?: string[];
  /** What was searched when the target was not found, for messages. */
  searched?: string[];
  /** `mount`: the mount point (`/api`). */
  mountpoint?: string;
}
