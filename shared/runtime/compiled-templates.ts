/**
 * The compiler's output (electron/services/compiler `CompileResult`) as the runtime takes it:
 * the template group evaluated once, one glass-easel template per compiled path, and each
 * component's static JSON. The simulator's frame and headless `mpdt auto` load it the same way.
 */
import type * as glassEasel from 'glass-easel'
import type { ComponentJson } from './app-structure'

export interface CompiledTemplateSource {
  /** `new Function('return ' + groupListCode)()` gives glass-easel's template group list. */
  groupListCode: string
  templates: string[]
  components: Record<string, { json: Record<string, unknown> }>
}

export function loadCompiledTemplates(compiled: CompiledTemplateSource): {
  templates: Record<string, glassEasel.template.ComponentTemplate>
  jsons: Record<string, ComponentJson>
} {
  const groupList = compiled.groupListCode
    ? (new Function(`return ${compiled.groupListCode}`)() as Record<string, unknown>)
    : {}
  const templates: Record<string, glassEasel.template.ComponentTemplate> = {}
  for (const path of compiled.templates) {
    if (groupList[path] !== undefined) {
      templates[path] = {
        groupList,
        content: groupList[path],
      } as unknown as glassEasel.template.ComponentTemplate
    }
  }
  const jsons: Record<string, ComponentJson> = {}
  for (const [path, component] of Object.entries(compiled.components)) {
    jsons[path] = component.json as ComponentJson
  }
  return { templates, jsons }
}
