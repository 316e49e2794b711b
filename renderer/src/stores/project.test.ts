import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { fail, ok } from '../../../shared/result'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../tests/helpers/fake-main-process'
import { useAppStore } from './app'
import { useProjectStore } from './project'

describe('project store', () => {
  it('start() takes the project the main process already has open', async () => {
    workbenchPlugins(fakeMainProcess(sampleProject({ name: 'already-open' })))
    const store = useProjectStore()
    await store.start()
    expect(store.current?.name).toBe('already-open')
    expect(store.showOpenView).toBe(false)
  })

  it('with no project open, the open view shows', async () => {
    workbenchPlugins(fakeMainProcess(null))
    const store = useProjectStore()
    await store.start()
    expect(store.showOpenView).toBe(true)
  })

  it('project.changed replaces the shown project', async () => {
    const main = fakeMainProcess()
    workbenchPlugins(main)
    const store = useProjectStore()
    await store.start()
    main.emit('project.changed', sampleProject({ name: 'edited' }))
    await flushPromises()
    expect(store.current?.name).toBe('edited')
  })

  it('a failed open keeps the open project but shows the open view with the error', async () => {
    workbenchPlugins(
      fakeMainProcess(sampleProject(), {
        'project.open': async () => fail({ code: 'NOT_A_FOLDER', message: 'Not a folder: /x' }),
      }),
    )
    const store = useProjectStore()
    await store.start()
    expect(await store.open('/x')).toBe(false)
    expect(store.current?.name).toBe('shop')
    expect(store.showOpenView).toBe(true)
    expect(store.openError?.code).toBe('NOT_A_FOLDER')
  })

  it('a successful open clears the previous error and refreshes the recent list', async () => {
    let opened = 0
    const main = fakeMainProcess(null, {
      'project.open': async ({ dir }) =>
        ++opened === 1
          ? fail({ code: 'NOT_A_FOLDER', message: 'nope' })
          : ok(sampleProject({ dir })),
      'project.recent': async () => ok(opened > 1 ? [{ dir: '/b', name: 'b', openedAt: 2 }] : []),
    })
    workbenchPlugins(main)
    const store = useProjectStore()
    await store.start()
    await store.open('/a')
    await store.open('/b')
    expect(store.openError).toBeNull()
    expect(store.recent.map((r) => r.dir)).toEqual(['/b'])
  })

  it('a cancelled folder dialog opens nothing', async () => {
    const main = fakeMainProcess(null)
    workbenchPlugins(main)
    const store = useProjectStore()
    await store.start()
    expect(await store.chooseFolder()).toBe(false)
    expect(main.calls.some((c) => c.method === 'project.open')).toBe(false)
  })

  it('a failed reload is reported, the project stays shown', async () => {
    workbenchPlugins(
      fakeMainProcess(sampleProject(), {
        'project.reload': async () => fail({ code: 'TRANSPORT_CLOSED', message: 'closed' }),
      }),
    )
    const store = useProjectStore()
    await store.start()
    expect(await store.reload()).toBe(false)
    expect(store.current?.name).toBe('shop')
    expect(useAppStore().failure?.code).toBe('TRANSPORT_CLOSED')
  })
})
