import { describe, expect, it } from 'vitest'
import type { ServiceError } from '../../shared/result'
import { errorLine, problemLocation } from './problem-text'

describe('problemLocation', () => {
  it('writes file:line:column', () => {
    expect(problemLocation({ file: 'app.json', line: 3, column: 7 })).toBe('app.json:3:7')
  })

  it('writes file:line without a column', () => {
    expect(problemLocation({ file: 'app.json', line: 3 })).toBe('app.json:3')
  })

  it('writes the file alone without a line', () => {
    expect(problemLocation({ file: 'pages/a/a.wxml' })).toBe('pages/a/a.wxml')
  })
})

describe('errorLine', () => {
  it('puts the location of a file error before its message', () => {
    const error: ServiceError = {
      code: 'JSON_SYNTAX',
      message: 'bad',
      file: 'app.json',
      line: 1,
      column: 2,
    }
    expect(errorLine(error)).toBe('app.json:1:2: bad')
  })

  it('is the message alone for an error about no file', () => {
    expect(errorLine({ code: 'TRANSPORT_CLOSED', message: 'closed' }, 'gone')).toBe('gone')
  })
})
