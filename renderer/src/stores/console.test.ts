import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { CONSOLE_LIMIT, useConsoleStore, type ConsoleEntry } from './console'

beforeEach(() => setActivePinia(createPinia()))

const log = (i: number): Omit<ConsoleEntry, 'id'> => ({
  source: 'miniprogram',
  level: 'log',
  args: [`line ${i}`],
  time: 0,
})

describe('console store', () => {
  it(`keeps the newest ${CONSOLE_LIMIT} entries, dropping the oldest first`, () => {
    const store = useConsoleStore()
    for (let i = 0; i < CONSOLE_LIMIT + 2; i++) store.add(log(i))
    expect(store.entries).toHaveLength(CONSOLE_LIMIT)
    expect(store.entries[0].args).toEqual(['line 2'])
    expect(store.entries.at(-1)?.args).toEqual([`line ${CONSOLE_LIMIT + 1}`])
  })

  it('a lower limit trims the oldest entries on the next line', () => {
    const store = useConsoleStore()
    for (let i = 0; i < 5; i++) store.add(log(i))
    store.limit = 2
    store.add(log(5))
    expect(store.entries.map((entry) => entry.args[0])).toEqual(['line 4', 'line 5'])
  })
})
