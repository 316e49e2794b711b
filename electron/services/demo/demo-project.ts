/**
 * Where the embedded demo project lives: `resources/demo` in the app's folder. Packaged, the app
 * folder is an asar archive and the demo is unpacked beside it (electron-builder.yml asarUnpack),
 * because the project is read, watched and compiled as a real folder.
 */
import { join, resolve } from 'node:path'

/** `appRoot`: the package root (the CLI's APP_ROOT, Electron's `app.getAppPath()`). */
export function demoProjectDir(appRoot: string): string {
  return join(appRoot.replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked'), 'resources', 'demo')
}

/** Whether `dir` is the embedded demo, which needs the demo API server while it is open. */
export function isDemoProject(dir: string, appRoot: string): boolean {
  return resolve(dir) === resolve(demoProjectDir(appRoot))
}
