import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildAppMenuTemplate, type AppMenuOptions } from './app-menu'

function fileMenu(options: Partial<AppMenuOptions> = {}): MenuItemConstructorOptions[] {
  const template = buildAppMenuTemplate({
    locale: 'zh-CN',
    recent: [],
    isMac: false,
    onOpenProject: () => {},
    onOpenRecent: () => {},
    ...options,
  })
  return template[0].submenu as MenuItemConstructorOptions[]
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)()

describe('application menu', () => {
  it('offers 打开项目… in Chinese and Open Project… in English', () => {
    expect(fileMenu({ locale: 'zh-CN' })[0].label).toBe('打开项目…')
    expect(fileMenu({ locale: 'en-US' })[0].label).toBe('Open Project…')
  })

  it('opens the folder picker from Open Project', () => {
    const onOpenProject = vi.fn()
    click(fileMenu({ onOpenProject })[0])
    expect(onOpenProject).toHaveBeenCalledOnce()
  })

  it('lists recent projects, each opening its folder', () => {
    const onOpenRecent = vi.fn()
    const recent = [
      { dir: '/p/a', name: 'a', openedAt: 2 },
      { dir: '/p/b', name: 'b', openedAt: 1 },
    ]
    const items = fileMenu({ recent, onOpenRecent })[1].submenu as MenuItemConstructorOptions[]
    expect(items.map((item) => item.label)).toEqual(['a — /p/a', 'b — /p/b'])
    click(items[1])
    expect(onOpenRecent).toHaveBeenCalledWith('/p/b')
  })

  it('shows a disabled entry when there is no recent project', () => {
    const items = fileMenu({ locale: 'en' })[1].submenu as MenuItemConstructorOptions[]
    expect(items).toEqual([{ label: 'None', enabled: false }])
  })
})
