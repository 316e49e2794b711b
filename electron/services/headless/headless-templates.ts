/**
 * The project's WXML compiled in Node for a headless run that needs the element tree (`mpdt
 * auto`): the same compiler as the workbench, loaded the way the simulator's frame loads it, so
 * pages render into a DOM-free glass-easel tree. Compile problems are reported as
 * `file:line:column: message` and the pages that compiled still render, as in the simulator.
 */
import type * as glassEasel from 'glass-easel'
import type { ComponentJson } from '../../../shared/runtime'
import { loadCompiledTemplates } from '../../../shared/runtime/compiled-templates'
import { compileProject } from '../compiler'
import { SIMULATED_SYSTEM_INFO } from './simulated-device'

export interface HeadlessTemplates {
  templates: Record<string, glassEasel.template.ComponentTemplate>
  jsons: Record<string, ComponentJson>
}

export async function compileHeadlessTemplates(
  root: string,
  report: (line: string) => void,
): Promise<HeadlessTemplates> {
  const compiled = await compileProject({
    root,
    rpx: { deviceWidth: SIMULATED_SYSTEM_INFO.screenWidth },
  })
  for (const problem of [...compiled.errors, ...compiled.warnings]) {
    report(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`)
  }
  return loadCompiledTemplates(compiled)
}
