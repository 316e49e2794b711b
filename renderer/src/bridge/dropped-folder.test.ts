import { describe, expect, it } from 'vitest'
import { pathFromFileUri } from './dropped-folder'

describe('pathFromFileUri', () => {
  it('reads a POSIX path, decoding escapes', () => {
    expect(pathFromFileUri('file:///home/me/my%20app')).toBe('/home/me/my app')
  })

  it('reads a Windows drive path without the leading slash', () => {
    expect(pathFromFileUri('file:///C:/work/app')).toBe('C:/work/app')
  })

  it('refuses anything that is not a file URI', () => {
    expect(pathFromFileUri('https://example.com/app')).toBeNull()
    expect(pathFromFileUri('not a uri')).toBeNull()
  })
})
