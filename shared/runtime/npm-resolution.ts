/**
 * WeChat's lookup of a bare name (`dayjs`, `tdesign-miniprogram/button/button`,
 * `@vant/weapp/button/index`) in `miniprogram_npm`, shared by `require` and `usingComponents`.
 * Paths are root-relative with `/`.
 */

/** The folder 构建 npm writes and bare names are looked up in. */
export const MINIPROGRAM_NPM = 'miniprogram_npm'

/** `./x`, `../x` and `/x` are paths; anything else is first tried as a bare name too. */
export function isPathRequest(request: string): boolean {
  return request.startsWith('/') || request.startsWith('./') || request.startsWith('../')
}

/**
 * Where a bare name may live, nearest first: `miniprogram_npm/<name>` in the requiring file's
 * folder `dir`, then in each parent folder up to the root.
 */
export function miniprogramNpmCandidates(name: string, dir: string): string[] {
  const folders = dir === '' ? [] : dir.split('/')
  const found: string[] = []
  for (let depth = folders.length; depth >= 0; depth--) {
    found.push([...folders.slice(0, depth), MINIPROGRAM_NPM, name].join('/'))
  }
  return found
}
