/**
 * The project folder Electron was started with: the first non-switch argument after the app path
 * (`electron <appRoot> <dir>` in development, `<exe> <dir>` when packaged).
 */
import { resolve } from 'node:path'

export function projectDirFromArgv(
  argv: readonly string[],
  isPackaged: boolean,
  cwd: string,
): string | undefined {
  const dir = argv.slice(isPackaged ? 1 : 2).find((arg) => !arg.startsWith('-'))
  return dir === undefined ? undefined : resolve(cwd, dir)
}
