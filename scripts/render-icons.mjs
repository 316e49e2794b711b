// Renders the SVG sources under resources/icons/ to the PNGs the app and the demo ship:
//   resources/icons/icon.svg          -> resources/icons/icon.png (512×512, the app icon)
//                                        and resources/demo/images/logo.png (144×144, 关于 page)
//   resources/icons/demo-tabs/*.svg   -> resources/demo/images/tab-*.png (81×81, grey and green)
// with headless Chromium (playwright-core). Run after editing an SVG: node scripts/render-icons.mjs
// Chromium: MPDT_CHROMIUM, else /usr/bin/chromium.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const icons = join(root, 'resources', 'icons')
const demoImages = join(root, 'resources', 'demo', 'images')
/** The demo's app.json tabBar `color` and `selectedColor`. */
const TAB_COLORS = { '': '#8a8f99', '-active': '#07c160' }

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size })
  const html = `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`
  await page.setContent(html)
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
}

const browser = await chromium.launch({
  executablePath: process.env.MPDT_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
})
try {
  const page = await browser.newPage()
  const appIcon = await readFile(join(icons, 'icon.svg'), 'utf8')
  await writeFile(join(icons, 'icon.png'), await render(page, appIcon, 512))
  await writeFile(join(demoImages, 'logo.png'), await render(page, appIcon, 144))
  for (const file of await readdir(join(icons, 'demo-tabs'))) {
    if (!file.endsWith('.svg')) continue
    const source = await readFile(join(icons, 'demo-tabs', file), 'utf8')
    for (const [suffix, color] of Object.entries(TAB_COLORS)) {
      const png = await render(page, source.replaceAll('COLOR', color), 81)
      await writeFile(join(demoImages, `tab-${basename(file, '.svg')}${suffix}.png`), png)
    }
  }
} finally {
  await browser.close()
}
