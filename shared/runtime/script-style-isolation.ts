import type { CodeSpace } from 'glass-easel-miniprogram-adapter'

/**
 * WeChat reads a component's `styleIsolation` and `addGlobalClass` from its .json and also from
 * the `options` of its `Component()` definition (Vant sets `addGlobalClass: true` there);
 * glass-easel's adapter reads only its static config (the .json). So, before `Component()` of
 * `path` registers, an `apply-shared` choice in the definition's options is written into that
 * static config when the .json chose nothing.
 *
 * `styleIsolation: 'shared'` in a definition is not adopted: the project compiler scopes a
 * component's class names from its .json before any script runs.
 */
export function adoptScriptStyleIsolation(
  codeSpace: CodeSpace,
  path: string,
  definition: unknown,
): void {
  const options = (definition as { options?: Record<string, unknown> } | undefined)?.options
  if (!options) return
  const applyShared =
    options.styleIsolation === 'apply-shared' ||
    (options.styleIsolation === undefined && options.addGlobalClass === true)
  if (!applyShared) return
  const config = codeSpace.getComponentStaticConfig(path) as
    { styleIsolation?: unknown; addGlobalClass?: unknown } | undefined
  if (!config || config.styleIsolation !== undefined || config.addGlobalClass !== undefined) return
  config.styleIsolation = 'apply-shared'
}
