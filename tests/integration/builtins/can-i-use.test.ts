// @vitest-environment happy-dom
/**
 * `wx.canIUse('<component>')` answers from the wx API table (`shared/`), which cannot import the
 * simulator's built-ins: this keeps the table's component list and the built-ins the frame
 * registers the same, and the open-type values the button handles listed too.
 */
import { MiniProgramEnv } from 'glass-easel-miniprogram-adapter'
import { expect, it } from 'vitest'
import { installBuiltinComponents } from '../../../renderer/src/simulator/frame/builtins'
import { OPEN_TYPE_EVENTS } from '../../../renderer/src/simulator/frame/builtins/open-type'
import { WX_COMPONENTS } from '../../../shared/runtime/wx-api-table'
import { doc } from './harness'

it('every built-in the simulator registers is a component wx.canIUse knows, and the reverse', () => {
  const codeSpace = new MiniProgramEnv().createCodeSpace('', true)
  const space = codeSpace.getComponentSpace()
  const registered: string[] = []
  const original = space.setGlobalUsingComponent.bind(space)
  space.setGlobalUsingComponent = (tag, definition) => {
    registered.push(tag)
    return original(tag, definition)
  }
  installBuiltinComponents(codeSpace, {
    document: doc,
    assets: {},
    deviceWidth: 375,
    style: '',
    navigate: () => undefined,
    setNavigationBar: () => undefined,
    callWx: () => undefined,
  })
  const native = ['view', 'text', 'block']
  expect([...registered, ...native].sort()).toEqual(Object.keys(WX_COMPONENTS).sort())
  for (const openType of Object.keys(OPEN_TYPE_EVENTS)) {
    expect(WX_COMPONENTS.button['open-type']).toContain(openType)
  }
})
