/**
 * Keeps tests/fixtures/simulator/shop.bundle.json, the compiled bundle the frame's renderer tests
 * boot (they may not import the compiler), equal to what the compiler makes of the fixture project
 * now. After a compiler change: `npx vitest run tests/integration/simulator -u`.
 */
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { buildBundle, SIMULATOR_FIXTURES } from './bundle'

it('the shop bundle fixture is what the compiler makes of tests/fixtures/simulator/shop', async () => {
  const bundle = await buildBundle(join(SIMULATOR_FIXTURES, 'shop'))
  await expect(`${JSON.stringify(bundle, null, 1)}\n`).toMatchFileSnapshot(
    join(SIMULATOR_FIXTURES, 'shop.bundle.json'),
  )
})
