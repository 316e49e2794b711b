/**
 * Keeps tests/fixtures/simulator/<project>.bundle.json, the compiled bundles the frame's renderer
 * tests boot (they may not import the compiler), equal to what the compiler makes of each fixture
 * project now. After a compiler change: `npx vitest run tests/integration/simulator -u`.
 */
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { buildBundle, SIMULATOR_FIXTURES } from './bundle'

it.each(['shop', 'custom-tabs'])(
  'the %s bundle fixture is what the compiler makes of its project',
  async (project) => {
    const bundle = await buildBundle(join(SIMULATOR_FIXTURES, project))
    await expect(`${JSON.stringify(bundle, null, 1)}\n`).toMatchFileSnapshot(
      join(SIMULATOR_FIXTURES, `${project}.bundle.json`),
    )
  },
)
