/**
 * docs/wx-api.md is generated from the wx API table: this test fails when it is not current.
 * `npm run docs:wx-api` (MPDT_WRITE_DOCS=1) writes it instead.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderWxApiDocs } from '../shared/runtime/wx-api-docs'

const PAGE = join(__dirname, '..', 'docs', 'wx-api.md')

describe('docs/wx-api.md', () => {
  it('is the page the wx API table generates', () => {
    const page = renderWxApiDocs()
    if (process.env.MPDT_WRITE_DOCS === '1') writeFileSync(PAGE, page)
    expect(readFileSync(PAGE, 'utf8')).toBe(page)
  })
})
