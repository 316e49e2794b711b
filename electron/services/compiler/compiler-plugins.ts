/**
 * `setting.useCompilerPlugins` of project.config.json: which of WeChat's built-in compiler plugins
 * are on. WeChat accepts names (`["typescript", "less"]`) and objects (`[{ "type": "sass" }]`);
 * anything else is ignored, as WeChat ignores it.
 */
export interface CompilerPlugins {
  typescript: boolean
  less: boolean
  sass: boolean
}

const PLUGIN_NAMES = ['typescript', 'less', 'sass'] as const

export function readCompilerPlugins(setting: Record<string, unknown> | undefined): CompilerPlugins {
  const plugins: CompilerPlugins = { typescript: false, less: false, sass: false }
  const list = setting?.useCompilerPlugins
  if (!Array.isArray(list)) return plugins
  for (const entry of list) {
    const name: unknown =
      typeof entry === 'object' && entry !== null ? (entry as { type?: unknown }).type : entry
    if ((PLUGIN_NAMES as readonly unknown[]).includes(name)) {
      plugins[name as keyof CompilerPlugins] = true
    }
  }
  return plugins
}
