/**
 * Stack frames of compiled project modules moved back to the project's sources. The compiler
 * turns ES modules and TypeScript into CommonJS and appends an inline source map to each; a frame
 * `pages/a/index.js:12:5` of such a module becomes `pages/a/index.ts:3:9`. Files the compiler left
 * untouched carry no map and their frames stay as they are (their lines are already the source's).
 */
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js'

const INLINE_MAP = '//# sourceMappingURL=data:application/json;base64,'
const FRAME = /([\w$@./-]+\.js):(\d+):(\d+)/g

/** The inline source map at the end of `code`, or `null`. */
export function inlineSourceMap(code: string): RawSourceMap | null {
  const at = code.lastIndexOf(INLINE_MAP)
  if (at === -1) return null
  try {
    const binary = atob(code.slice(at + INLINE_MAP.length).trim())
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    return JSON.parse(new TextDecoder().decode(bytes)) as RawSourceMap
  } catch {
    return null
  }
}

export class StackMapper {
  private readonly consumers = new Map<string, SourceMapConsumer | null>()

  /** `sourceOf` gives a module's compiled code by path, `undefined` outside the project. */
  constructor(private readonly sourceOf: (path: string) => string | undefined) {}

  /**
   * `stack` with frames of modules that carry a source map moved to their source; a module's
   * first line is `firstLineOffset` characters further right, behind the module wrapper.
   */
  map(stack: string, firstLineOffset: number): string {
    return stack.replace(FRAME, (frame, path: string, lineText: string, columnText: string) => {
      const consumer = this.consumerOf(path)
      if (!consumer) return frame
      const line = Number(lineText)
      const column = Number(columnText) - 1 - (line === 1 ? firstLineOffset : 0)
      const original = consumer.originalPositionFor({ line, column: Math.max(0, column) })
      if (original.source === null || original.line === null) return frame
      return `${original.source}:${original.line}:${original.column + 1}`
    })
  }

  private consumerOf(path: string): SourceMapConsumer | null {
    let consumer = this.consumers.get(path)
    if (consumer === undefined) {
      const code = this.sourceOf(path)
      const map = code === undefined ? null : inlineSourceMap(code)
      consumer = map ? new SourceMapConsumer(map) : null
      this.consumers.set(path, consumer)
    }
    return consumer
  }
}
