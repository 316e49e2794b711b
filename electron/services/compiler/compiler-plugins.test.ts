import { describe, expect, it } from 'vitest'
import { readCompilerPlugins } from './compiler-plugins'

describe('readCompilerPlugins', () => {
  it('reads names and { type } objects, ignoring anything else', () => {
    expect(
      readCompilerPlugins({
        useCompilerPlugins: ['typescript', { type: 'sass' }, 'coffee', 3, null],
      }),
    ).toEqual({ typescript: true, less: false, sass: true })
    expect(readCompilerPlugins({ useCompilerPlugins: ['less'] })).toEqual({
      typescript: false,
      less: true,
      sass: false,
    })
  })

  it('turns nothing on without a list', () => {
    const none = { typescript: false, less: false, sass: false }
    expect(readCompilerPlugins(undefined)).toEqual(none)
    expect(readCompilerPlugins({ useCompilerPlugins: 'typescript' })).toEqual(none)
  })
})
