import { describe, expect, it } from 'vitest'
import { fail, SERVICE_ERRORS, type ServiceErrorCode } from './result'

describe('service error codes', () => {
  it('are the catalogue’s keys, each said in words', () => {
    const codes = Object.keys(SERVICE_ERRORS) as ServiceErrorCode[]
    expect(codes).toContain('INVALID_PARAMS')
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/)
      expect(SERVICE_ERRORS[code].length).toBeGreaterThan(10)
    }
  })

  it('refuse a code the catalogue does not list (a type error, checked by npm run typecheck)', () => {
    // @ts-expect-error: NOT_A_CODE is not a ServiceErrorCode.
    const refused = fail({ code: 'NOT_A_CODE', message: 'x' })
    expect(refused.ok).toBe(false)
  })
})
