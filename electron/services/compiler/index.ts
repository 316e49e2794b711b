/** The compiler's public surface for the workbench service, the CLI and the simulator host. */
export { compileProject, ProjectCompiler, type CompileProjectInput } from './project-compiler'
export { createRootReader } from './project-root-reader'
export { readCompilerPlugins, type CompilerPlugins } from './compiler-plugins'
export { rpxToPx, transformRpx, type RpxOptions } from '../../../shared/inline-style'
export type {
  CompileError,
  CompileResult,
  CompiledComponent,
  ComponentJson,
  ReadProjectFile,
} from './types'
