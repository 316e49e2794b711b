import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layer rules of eslint.config.js, run on source text placed at real paths of the repository.
const eslint = new ESLint()

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages
    .filter((m) => m.ruleId === 'layers/simulator-frame' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('the simulator frame layer', () => {
  it('refuses a frame module that imports the workbench', async () => {
    const errors = await layerErrors(
      'renderer/src/simulator/frame/probe.ts',
      "import { useSimulatorStore } from '../simulator-store'\nexport const s = useSimulatorStore\n",
    )
    expect(errors).toEqual([
      'renderer/src/simulator/frame/ imports only shared/ and its own folder, not renderer/src/simulator/simulator-store.',
    ])
  })

  it('refuses a re-export and a dynamic import from outside, also from a subfolder', async () => {
    const errors = await layerErrors(
      'renderer/src/simulator/frame/builtins/probe.ts',
      "export { bridge } from '../../../bridge'\nexport const later = () => import('../../../i18n')\n",
    )
    expect(errors).toHaveLength(2)
  })

  it('accepts shared/, its own folder and packages', async () => {
    const errors = await layerErrors(
      'renderer/src/simulator/frame/builtins/probe.ts',
      [
        "import { ok } from '../../../../../shared/result'",
        "import { registerBuiltins } from '../builtins-registry'",
        "import * as glassEasel from 'glass-easel'",
        'export const all = [ok, registerBuiltins, glassEasel]',
        '',
      ].join('\n'),
    )
    expect(errors).toEqual([])
  })

  it('leaves the rest of the renderer to the renderer layer', async () => {
    const errors = await layerErrors(
      'renderer/src/simulator/probe.ts',
      "import { useAppStore } from '../stores/app'\nexport const s = useAppStore\n",
    )
    expect(errors).toEqual([])
  })
})
