/** 构建 npm and the extended libraries WeChat ships (plain Node). */
export { buildNpm } from './build-npm'
export { extendedLibraryFiles, withExtendedLibraries } from './extended-library'
