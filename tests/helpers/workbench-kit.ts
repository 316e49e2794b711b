/** What the workbench service specs share: the app as browser mode describes it, and a fixture. */
import { join } from 'node:path'
import type { AppInfo } from '../../shared/contract'

export const TEST_APP_INFO: AppInfo = {
  name: 'MP DevTools',
  version: '0.0.0',
  mode: 'browser',
  platform: 'linux',
  locale: 'en-US',
}

/** A small project with pages, a custom component and a request button (tests copy it first). */
export const GALLERY_FIXTURE = join(__dirname, '../fixtures/simulator/gallery')
