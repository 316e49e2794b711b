/**
 * `setting.useCompilerPlugins` of project.config.json: which of WeChat's compiler plugins a
 * project turns on. Written as names (`["typescript", "less"]`) or objects (`{ "type": "sass" }`);
 * anything else is ignored, as WeChat's tool ignores it.
 */
export interface CompilerPlugins {
  typescript: boolean
  less: boolean
  sass: boolean
}

export function readCompilerPlugins(setting: Record<string, unknown> | undefined): CompilerPlugins {
  const plugins: CompilerPlugins = { typescript: false, less: false, sass: false }
  const list = setting?.useCompilerPlugins
  if (!Array.isArray(list)) return plugins
  for (const entry of list) {
    const name =
      typeof entry === 'string'
        ? entry
        : typeof entry === 'object' && entry !== null
          ? (entry as { type?: unknown }).type
          : undefined
    if (name === 'typescript' || name === 'less' || name === 'sass') plugins[name] = true
  }
  return plugins
}
