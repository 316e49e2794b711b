/** Every way 构建 npm can refuse, as one error class with a stable `code` callers match on. */
import type { ServiceErrorCode } from '../../../shared/result'

/** 构建 npm's codes, described with the other service errors in `shared/result.ts`. */
export type NpmBuildErrorCode = Extract<ServiceErrorCode, `NPM_${string}`>

export class NpmBuildError extends Error {
  constructor(
    readonly code: NpmBuildErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'NpmBuildError'
  }
}
