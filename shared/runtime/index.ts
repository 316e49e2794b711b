/** The mini-program logic runtime; see README.md. */
export { createRuntime } from './runtime'
export type { LaunchOptions, PageInstance, Runtime, RuntimeOptions } from './runtime'
export type { ComponentJson, RuntimeAppJson } from './app-structure'
export { homePageRoute } from './app-structure'
export { evaluateScript } from './evaluate-script'
export type * from './native-port'
