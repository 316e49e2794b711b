/** Every way 构建 npm can refuse, as one error class with a stable `code` callers match on. */

export type NpmBuildErrorCode =
  /** No package.json inside the mini-program root, and no packNpmRelationList. */
  | 'NPM_NO_PACKAGE_JSON'
  /** A package.json that is not a JSON object, or an entry of packNpmRelationList that is malformed. */
  | 'NPM_BAD_PACKAGE_JSON'
  /** A package.json lists dependencies but has no node_modules folder beside it. */
  | 'NPM_NO_NODE_MODULES'
  /** A dependency is not installed in node_modules. */
  | 'NPM_MISSING_DEPENDENCY'
  /** A package's entry could not be bundled (a module it imports is missing, a syntax error…). */
  | 'NPM_BUNDLE_FAILED'
  /** A packNpmRelationList path leaves the project folder. */
  | 'NPM_OUTSIDE_PROJECT'
  /** Reading or writing the file system failed. */
  | 'NPM_IO'

export class NpmBuildError extends Error {
  constructor(
    readonly code: NpmBuildErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'NpmBuildError'
  }
}
