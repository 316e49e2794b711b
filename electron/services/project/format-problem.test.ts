import { describe, expect, it } from 'vitest'
import { formatProblem } from './format-problem'

describe('formatProblem', () => {
  it('prints file:line:column: message', () => {
    const problem = {
      code: 'JSON_SYNTAX',
      severity: 'error' as const,
      message: 'bad',
      file: 'app.json',
      line: 3,
      column: 7,
    }
    expect(formatProblem(problem)).toBe('app.json:3:7: bad')
  })

  it('omits line and column when absent', () => {
    const problem = {
      code: 'APP_JSON_MISSING',
      severity: 'error' as const,
      message: 'missing',
      file: 'app.json',
    }
    expect(formatProblem(problem)).toBe('app.json: missing')
  })

  it('says warning: before the message of a warning', () => {
    const problem = {
      code: 'COMPILE',
      severity: 'warning' as const,
      message: 'import cycle',
      file: 'utils/a.js',
      line: 1,
      column: 22,
    }
    expect(formatProblem(problem)).toBe('utils/a.js:1:22: warning: import cycle')
    expect(formatProblem({ code: 'X', severity: 'warning', message: 'm', file: '' })).toBe(
      'warning: m',
    )
  })

  it('omits the column alone when only the line is known', () => {
    const problem = {
      code: 'X',
      severity: 'warning' as const,
      message: 'm',
      file: 'a.json',
      line: 2,
    }
    expect(formatProblem(problem)).toBe('a.json:2: warning: m')
  })
})
