/**
 * One compile of a loaded project for the command line (`mpdt check`, `mpdt run`), so they report
 * exactly what the workbench's compiler reports: the same `ProjectCompiler`, its errors and
 * warnings as project problems with paths from the project folder.
 */
import { join } from 'node:path'
import type { ProjectInfo, ProjectProblem } from '../../../shared/project'
import { displayPath } from '../project/project-files'
import { readCompilerPlugins } from './compiler-plugins'
import { compileProject } from './project-compiler'
import type { CompileError, CompileResult } from './types'

/** The width `mpdt` simulates (see headless/simulated-device.ts). */
const COMMAND_LINE_DEVICE_WIDTH = 390

export interface CompiledFolder {
  result: CompileResult
  /** The compiler's errors, then its warnings. */
  problems: ProjectProblem[]
}

export async function compileProjectFolder(project: ProjectInfo): Promise<CompiledFolder> {
  const miniprogramRoot = project.settings.miniprogramRoot
  const result = await compileProject({
    root: join(project.dir, miniprogramRoot),
    rpx: { deviceWidth: COMMAND_LINE_DEVICE_WIDTH },
    plugins: readCompilerPlugins(project.settings.setting),
  })
  const problem = (severity: ProjectProblem['severity']) => (error: CompileError) => ({
    code: 'COMPILE',
    severity,
    message: error.message,
    file: displayPath(miniprogramRoot, error.file),
    line: error.line,
    column: error.column,
  })
  return {
    result,
    problems: [...result.errors.map(problem('error')), ...result.warnings.map(problem('warning'))],
  }
}
