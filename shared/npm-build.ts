/** 构建 npm as the contract carries it: progress while it runs, then what was built. */

export interface NpmBuildProgress {
  /** The package being written; `''` once everything is written. */
  name: string
  /** Packages written so far, and in all. */
  done: number
  total: number
}

export interface BuiltPackage {
  /** The npm name, e.g. `@vant/weapp`; written to `miniprogram_npm/<name>`. */
  name: string
  /** A mini-program package's folder `copied` as it is, or a plain package `bundled` to index.js. */
  kind: 'copied' | 'bundled'
  files: number
  bytes: number
}

export interface NpmBuildTargetReport {
  /** Paths relative to the project folder, `/`-separated. */
  packageJson: string
  miniprogramNpm: string
  packages: BuiltPackage[]
}

export interface NpmBuildReport {
  targets: NpmBuildTargetReport[]
}
