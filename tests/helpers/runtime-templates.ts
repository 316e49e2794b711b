/**
 * For tests: WXML compiled the way the simulator's compiler hands templates to the runtime
 * (glass-easel's template compiler, the generated group evaluated once).
 */
import { TmplGroup } from 'glass-easel-template-compiler'
import type * as glassEasel from 'glass-easel'

export function compileTemplates(
  sources: Record<string, string>,
): Record<string, glassEasel.template.ComponentTemplate> {
  const group = new TmplGroup()
  try {
    for (const [path, wxml] of Object.entries(sources)) group.addTmpl(path, wxml)
    const groupList = new Function(`return ${group.getTmplGenObjectGroups()}`)() as Record<
      string,
      unknown
    >
    return Object.fromEntries(
      Object.keys(sources).map((path) => [path, { groupList, content: groupList[path] }]),
    ) as Record<string, glassEasel.template.ComponentTemplate>
  } finally {
    group.free()
  }
}
