/** Errors cross process boundaries as data with a stable code, never as thrown exceptions. */
export interface ServiceError {
  /** Stable, machine-matchable code, e.g. `PROJECT_NOT_FOUND`. */
  code: string
  /** Human-readable message (English; the UI translates by `code` where it can). */
  message: string
  /** Optional location for errors about a file. */
  file?: string
  line?: number
  column?: number
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(error: ServiceError): Result<T> {
  return { ok: false, error }
}
