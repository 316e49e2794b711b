import { describe, expect, it } from 'vitest'
import { applyRpx, bundleWxss } from './wxss'

const reader = (files: Record<string, string>) => async (path: string) => files[path] ?? null

describe('bundleWxss', () => {
  it('inlines relative and root-absolute @imports in place', async () => {
    const read = reader({
      'pages/a/a.wxss':
        '@import "../../base.wxss";\n@import url("/theme/dark.wxss");\n.a { color: red; }',
      'base.wxss': '.base { margin: 0; }',
      'theme/dark.wxss': '.dark { color: black; }',
    })
    const bundle = await bundleWxss('pages/a/a.wxss', read, undefined)
    expect(bundle.errors).toEqual([])
    expect(bundle.css).toBe('.base { margin: 0; }\n.dark { color: black; }\n.a { color: red; }')
    expect(bundle.files).toEqual(['pages/a/a.wxss', 'base.wxss', 'theme/dark.wxss'])
  })

  it('reports an @import cycle at the @import that closes it', async () => {
    const read = reader({
      'a.wxss': '@import "b.wxss"; .a {}',
      'b.wxss': '.b {}\n@import "a.wxss";',
    })
    const bundle = await bundleWxss('a.wxss', read, undefined)
    expect(bundle.errors).toEqual([
      { file: 'b.wxss', line: 2, column: 1, message: '@import cycle: a.wxss → b.wxss → a.wxss' },
    ])
    expect(bundle.css).toBe('.b {} .a {}')
  })

  it('reports a missing @import at its position', async () => {
    const bundle = await bundleWxss(
      'a.wxss',
      reader({ 'a.wxss': '.a {}\n  @import "gone.wxss";' }),
      undefined,
    )
    expect(bundle.errors).toEqual([
      {
        file: 'a.wxss',
        line: 2,
        column: 3,
        message: '@import "gone.wxss": file not found (gone.wxss)',
      },
    ])
  })

  it('reports a syntax error in an imported file against that file', async () => {
    const read = reader({ 'a.wxss': '@import "b.wxss";', 'b.wxss': '.b {\n  color: red;' })
    const bundle = await bundleWxss('a.wxss', read, undefined)
    expect(bundle.errors).toEqual([
      { file: 'b.wxss', line: 1, column: 1, message: 'Unclosed block' },
    ])
  })

  it('keeps remote @imports', async () => {
    const css = '@import url("https://example.com/x.css");'
    const bundle = await bundleWxss('a.wxss', reader({ 'a.wxss': css }), undefined)
    expect(bundle.css).toBe(css)
  })

  it('prefixes classes for an isolated component, also inside :not() and compounds', async () => {
    const read = reader({ 'c.wxss': '.a.b > view:not(.c), .d::after { color: red; }' })
    const bundle = await bundleWxss('c.wxss', read, 'P')
    expect(bundle.css).toBe('.P--a.P--b > view:not(.P--c), .P--d::after { color: red; }')
  })

  it('turns :host and :host(.x) into the wx-host attribute', async () => {
    const read = reader({ 'c.wxss': ':host { display: block; }\n:host(.on) .a { color: red; }' })
    const bundle = await bundleWxss('c.wxss', read, 'P')
    expect(bundle.css).toBe(
      '[wx-host=P] { display: block; }\n[wx-host=P].P--on .P--a { color: red; }',
    )
  })

  it('prefixes classes from imported files too, and leaves keyframe steps alone', async () => {
    const read = reader({
      'c.wxss':
        '@import "shared.wxss"; @keyframes spin { from { opacity: 0; } to { opacity: 1; } }',
      'shared.wxss': '.shared { color: red; }',
    })
    const bundle = await bundleWxss('c.wxss', read, 'P')
    expect(bundle.css).toBe(
      '.P--shared { color: red; } @keyframes spin { from { opacity: 0; } to { opacity: 1; } }',
    )
  })

  it('matches #id also as glass-easel writes it (PREFIX--id), keeping colours in values', async () => {
    const read = reader({ 'p.wxss': '#top, view#a.b:not(#c) { color: #fff; }' })
    const bundle = await bundleWxss('p.wxss', read, undefined)
    expect(bundle.css).toBe(
      ':is(#top,[id$="--top"]), view:is(#a,[id$="--a"]).b:not(:is(#c,[id$="--c"])) { color: #fff; }',
    )
  })

  it('leaves classes of shared styles unprefixed', async () => {
    const bundle = await bundleWxss('p.wxss', reader({ 'p.wxss': '.a { color: red; }' }), undefined)
    expect(bundle.css).toBe('.a { color: red; }')
  })
})

describe('applyRpx', () => {
  const css =
    '.a { width: 750rpx; border: 1rpx solid red; }\n@media (max-width: 800rpx) { .b { height: 100rpx; } }'

  it('converts declarations and @media conditions for iPhone SE (375)', () => {
    expect(applyRpx(css, { deviceWidth: 375 })).toBe(
      '.a { width: 375px; border: 1px solid red; }\n@media (max-width: 400px) { .b { height: 50px; } }',
    )
  })

  it('converts the same sheet differently for iPhone 14 Pro Max (430)', () => {
    expect(applyRpx(css, { deviceWidth: 430 })).toBe(
      '.a { width: 430px; border: 1px solid red; }\n@media (max-width: 458px) { .b { height: 57px; } }',
    )
  })

  it('leaves rpx in selectors and comments alone', () => {
    const sheet = '/* 10rpx */ .w-10rpx { width: 10px; }'
    expect(applyRpx(sheet, { deviceWidth: 375 })).toBe(sheet)
  })
})
