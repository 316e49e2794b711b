/**
 * A generated project the size of the official demo for `npm run bench:compiler`: 350 pages (50
 * of them TypeScript, 30 styled with Less), 100 components, 50 shared templates (500 WXML files)
 * and 450 utility modules, half of them ES modules (900 scripts in all).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export const LARGE = {
  pages: 350,
  tsPages: 50,
  lessPages: 30,
  components: 100,
  templates: 50,
  utils: 450,
}

export async function writeLargeProject(root: string): Promise<string[]> {
  const files: Record<string, string> = {}
  const pages: string[] = []
  files['project.config.json'] = JSON.stringify({
    appid: 'wx00000000000000bb',
    setting: { useCompilerPlugins: ['typescript', 'less'] },
  })
  for (let u = 0; u < LARGE.utils; u++) {
    const next = u + 1 < LARGE.utils ? u + 1 : 0
    files[`utils/u${u}.js`] =
      u % 2 === 0
        ? `import { value as other } from './u${next}'\nexport const value = ${u}\nexport default function f${u}(x) {\n  return x + value + (typeof other)\n}\n`
        : `var base = ${u}\nmodule.exports = { value: base, twice: function (x) { return x * 2 + base } }\n`
  }
  for (let t = 0; t < LARGE.templates; t++) {
    files[`templates/t${t}.wxml`] =
      `<template name="t${t}"><view class="t"><text>{{title}} ${t}</text><block wx:for="{{items}}" wx:key="id"><view>{{item.name}}</view></block></view></template>\n`
  }
  for (let c = 0; c < LARGE.components; c++) {
    const base = `components/c${c}/c${c}`
    files[`${base}.json`] = JSON.stringify({ component: true })
    files[`${base}.wxml`] = `<view class="c"><slot /><text>{{label}}</text></view>\n`
    files[`${base}.wxss`] = `.c { padding: 10rpx; }\n`
    files[`${base}.js`] =
      `import helper from '../../utils/u${(c * 2) % LARGE.utils}'\nComponent({ properties: { label: String }, methods: { tap() { return helper(1) } } })\n`
  }
  for (let p = 0; p < LARGE.pages; p++) {
    const base = `pages/p${p}/p${p}`
    pages.push(base)
    const ts = p < LARGE.tsPages
    const script = ts
      ? `import f from '../../utils/u${(p * 2) % LARGE.utils}'\ninterface Data { n: number; title: string }\nconst data: Data = { n: ${p}, title: 'page ${p}' }\nPage({ data, onLoad(): void { f(data.n) } })\n`
      : p % 2 === 0
        ? `import f from '../../utils/u${(p * 2) % LARGE.utils}'\nPage({ data: { title: 'page ${p}' }, onLoad() { f(1) } })\n`
        : `const u = require('../../utils/u${(p * 2 + 1) % LARGE.utils}')\nPage({ data: { title: 'page ${p}' }, onLoad() { u.twice(1) } })\n`
    files[`${base}.${ts ? 'ts' : 'js'}`] = script
    files[`${base}.json`] = JSON.stringify({
      usingComponents: { card: `/components/c${p % LARGE.components}/c${p % LARGE.components}` },
    })
    files[`${base}.wxml`] =
      `<import src="/templates/t${p % LARGE.templates}.wxml" />\n<template is="t${p % LARGE.templates}" data="{{title, items}}" />\n<card label="{{title}}"><view bindtap="onTap">{{n}}</view></card>\n`
    if (p >= LARGE.tsPages && p < LARGE.tsPages + LARGE.lessPages) {
      files[`${base}.less`] =
        `@pad: 20rpx;\n.page { padding: @pad; .title { margin: (@pad / 2); } }\n`
    } else {
      files[`${base}.wxss`] = `.page { padding: 20rpx; }\n.title { font-size: 32rpx; }\n`
    }
  }
  files['app.json'] = JSON.stringify({ pages, window: { navigationBarTitleText: 'Large' } })
  files['app.js'] = `import f from './utils/u0'\nApp({ onLaunch() { f(0) } })\n`
  files['app.wxss'] = `page { font-size: 28rpx; }\n`
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  return Object.keys(files)
}
