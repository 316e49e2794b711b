/**
 * The extended libraries WeChat ships in its base library (`useExtendedLib` in app.json), shared
 * by the compiler, which serves their files, and the simulator, which resolves their own paths.
 * Each is served as the root `miniprogram_npm/<package>` folder; an extended library is its own
 * code package, so a root-absolute path in its files (weui's `mp-loading` image
 * `/_assets/loading-icon….svg`) names a file of the library, and one the library has not (an
 * `/images/…` the page hands mp-grids in data) the mini-program's.
 */
import { MINIPROGRAM_NPM } from './npm-resolution'

/** `useExtendedLib` key → the npm package MP DevTools bundles for it. */
const EXTENDED_LIBRARIES: Readonly<Record<string, string>> = { weui: 'weui-miniprogram' }

/** The packages app.json's `useExtendedLib` turns on (unknown keys are ignored, as in WeChat). */
export function extendedLibraries(useExtendedLib: unknown): string[] {
  if (useExtendedLib === null || typeof useExtendedLib !== 'object') return []
  return Object.entries(useExtendedLib as Record<string, unknown>)
    .filter(([key, value]) => key in EXTENDED_LIBRARIES && value !== false && value !== undefined)
    .map(([key]) => EXTENDED_LIBRARIES[key])
}

/** The served folder of a package, e.g. `miniprogram_npm/weui-miniprogram/`. */
export const extendedLibraryFolder = (packageName: string) => `${MINIPROGRAM_NPM}/${packageName}/`
