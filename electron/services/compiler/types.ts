/** The compiler's output: plain data that survives `postMessage` into the simulator's iframe. */

/** A page's or component's .json, as glass-easel's `ComponentStaticConfig` reads it. */
export interface ComponentJson {
  component?: boolean
  usingComponents?: Record<string, string>
  componentGenerics?: Record<string, true | { default?: string }>
  componentPlaceholder?: Record<string, string>
  styleIsolation?: string
  addGlobalClass?: boolean
  [key: string]: unknown
}

/** A problem in one source file, with a 1-based position. */
export interface CompileError {
  /** Path relative to the mini-program root, with its extension (`pages/index/index.wxml`). */
  file: string
  line: number
  column: number
  message: string
}

/** A page or custom component; `CompileResult.components` keys it by path without extension. */
export interface CompiledComponent {
  /**
   * Static config for `codeSpace.addComponentStaticConfig`, with `usingComponents` resolved to
   * root-absolute paths.
   */
  json: ComponentJson
  /** Whether its styles live in their own scope (then its classes carry `prefix`). */
  isolated: boolean
  /** Style scope name for `codeSpace.addStyleSheet(path, path, prefix)`; unset when shared. */
  prefix: string | undefined
  /** Whether it is a page (listed in app.json) rather than a custom component. */
  page: boolean
}

export interface CompileResult {
  /** `new Function('return ' + groupListCode)()` gives glass-easel's template group list. */
  groupListCode: string
  /** Paths (without `.wxml`) of every compiled template, in `groupList`. */
  templates: string[]
  components: Record<string, CompiledComponent>
  /**
   * Transformed CSS by path without `.wxss` (`''` when there is none); `app` is app.wxss.
   * Register each with `registerStyleSheetContent(path, css)`.
   */
  styles: Record<string, string>
  /**
   * The CommonJS each script runs as, by the `.js` path `require` names (a `.ts` source included);
   * ES modules and TypeScript end with an inline source map.
   */
  scripts: Record<string, string>
  /** Page routes in app.json order, subpackage pages included. */
  pages: string[]
  /** app.json `workers` bundled for `wx.createWorker` (worker-bundle.ts); absent without it. */
  workers?: CompiledWorkers
  errors: CompileError[]
  warnings: CompileError[]
}

export interface CompiledWorkers {
  /** The folder, from the mini-program root. */
  root: string
  isSubpackage: boolean
  /** One script: a function expression of the thread's message port (`workerBundleCode`). */
  code: string
}

/** Reads a file relative to the mini-program root; `null` when it does not exist. */
export type ReadProjectFile = (relPath: string) => Promise<string | null>
