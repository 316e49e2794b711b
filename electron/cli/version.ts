import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { APP_ROOT } from './app-paths'

/** The `version` of the app's package.json. */
export function readVersion(): string {
  const manifest = JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as {
    version: string
  }
  return manifest.version
}
