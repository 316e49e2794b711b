/**
 * The stack of a mini-program exception as the developer wants to read it: the message and the
 * frames in the project's own files (evaluated with project-relative names such as
 * `pages/index/index.js`, or the `.ts` source a compiled frame maps back to), without the frames of the runtime, the CLI bundle or Node itself.
 */

const FRAME = /^\s+at\s/
/** A frame location in a project file: relative path, no scheme, not Node's internals. */
const PROJECT_LOCATION = /(?:\(|at )(?![a-z]+:|\/|\\|[A-Za-z]:\\)[^()\s][^()]*\.[jt]s:\d+:\d+\)?$/

export function projectStack(stack: string): string {
  const lines = stack.split('\n')
  const firstFrame = lines.findIndex((line) => FRAME.test(line))
  if (firstFrame === -1) return stack
  const frames = lines.slice(firstFrame).filter((line) => PROJECT_LOCATION.test(line))
  if (frames.length === 0) return stack
  return [...lines.slice(0, firstFrame), ...frames].join('\n')
}
