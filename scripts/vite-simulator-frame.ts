/**
 * Builds the simulator's sandboxed frame as ONE classic script (IIFE) and its page.
 *
 * The frame is an opaque origin (`sandbox="allow-scripts"`, never same-origin): a module script it
 * loads is a CORS request from `Origin: null`, which file:// (Electron) cannot answer and which the
 * browser-mode host should not have to. A classic `<script src>` and a stylesheet `<link>` are
 * no-CORS loads that work from the app's files and, in browser mode, carry the token in their path
 * like the page itself. In development the Vite server keeps serving renderer/simulator.html as it
 * is (a module page on a normal origin).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build, type Plugin } from 'vite'

export interface SimulatorFrameOptions {
  /** The frame's page, whose module script tag names the entry. */
  html: string
  /** The frame's entry module. */
  entry: string
  /** The web-view guard's entry module (renderer/src/simulator/frame/web-view-guard.ts). */
  guard: string
  /** The renderer's output folder (out/renderer). */
  outDir: string
}

/** Where the page finds its script and styles, relative to it. */
export const FRAME_SCRIPT = 'assets/simulator.js'
export const FRAME_STYLES = 'assets/simulator.css'
/** The web-view guard's script, which builtins/web-view.ts names relative to the frame's page. */
export const GUARD_SCRIPT = 'assets/web-view-guard.js'

/** One entry as one classic script (IIFE) in the renderer's output folder. */
async function buildClassic(entry: string, outDir: string, fileName: string, name: string) {
  await build({
    configFile: false,
    logLevel: 'warn',
    // Library mode keeps `process.env.NODE_ENV`; the frame has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: {
        entry: resolve(entry),
        formats: ['iife'],
        name,
        fileName: () => fileName,
        cssFileName: FRAME_STYLES.replace(/\.css$/, ''),
      },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  })
}

/** The page with its module script replaced by the classic bundle and its styles. */
export function classicFramePage(html: string): string {
  const moduleScript = /\s*<script type="module"[^>]*><\/script>/
  if (!moduleScript.test(html)) throw new Error('simulator.html has no module script to replace')
  return html
    .replace(moduleScript, `\n    <script src="./${FRAME_SCRIPT}"></script>`)
    .replace('</head>', `  <link rel="stylesheet" href="./${FRAME_STYLES}" />\n  </head>`)
}

export function simulatorFrame(options: SimulatorFrameOptions): Plugin {
  return {
    name: 'mpdt-simulator-frame',
    apply: 'build',
    async closeBundle() {
      await buildClassic(options.entry, options.outDir, FRAME_SCRIPT, 'MpdtSimulatorFrame')
      await buildClassic(options.guard, options.outDir, GUARD_SCRIPT, 'MpdtWebViewGuard')
      const page = classicFramePage(await readFile(options.html, 'utf8'))
      await writeFile(join(options.outDir, 'simulator.html'), page)
    },
  }
}
