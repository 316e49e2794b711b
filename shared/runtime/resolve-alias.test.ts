import { describe, expect, it } from 'vitest'
import { matchAlias } from './resolve-alias'

const aliases = {
  '~/*': '/*',
  '~/origin/*': 'origin/*',
  '@utils/*': 'utils/*',
  'subBUtils/*': 'subpackageB/utils/*',
}

describe('matchAlias', () => {
  it('rewrites from the root, the longest matching key winning', () => {
    expect(matchAlias('@utils/format', aliases)).toEqual({
      key: '@utils/*',
      path: '/utils/format',
    })
    expect(matchAlias('~/origin/a/b', aliases)).toEqual({ key: '~/origin/*', path: '/origin/a/b' })
    expect(matchAlias('~/pages/x', aliases)).toEqual({ key: '~/*', path: '/pages/x' })
    expect(matchAlias('subBUtils/x.js', aliases)?.path).toBe('/subpackageB/utils/x.js')
  })

  it('leaves requests no key matches', () => {
    expect(matchAlias('./utils/format', aliases)).toBeUndefined()
    expect(matchAlias('dayjs', aliases)).toBeUndefined()
    expect(matchAlias('@utils/x', undefined)).toBeUndefined()
  })
})
