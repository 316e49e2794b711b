/**
 * The application menu: 文件/File with 打开项目/Open Project and the recent projects, and the
 * standard Edit, View and Window menus. A plain template, so it is built and tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { RecentProject } from '../../shared/project'

export interface AppMenuOptions {
  /** OS locale; Chinese labels for `zh*`, English otherwise. */
  locale: string
  recent: readonly RecentProject[]
  onOpenProject(): void
  onOpenRecent(dir: string): void
  isMac: boolean
}

const LABELS = {
  zh: {
    file: '文件',
    open: '打开项目…',
    recent: '最近打开的项目',
    noRecent: '无',
    edit: '编辑',
    view: '视图',
    window: '窗口',
  },
  en: {
    file: 'File',
    open: 'Open Project…',
    recent: 'Open Recent',
    noRecent: 'None',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
  },
} as const

export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const text = options.locale.toLowerCase().startsWith('zh') ? LABELS.zh : LABELS.en
  const recentItems: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: text.noRecent, enabled: false }]
      : options.recent.map((project) => ({
          label: `${project.name} — ${project.dir}`,
          click: () => options.onOpenRecent(project.dir),
        }))
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: text.file,
      submenu: [
        { label: text.open, accelerator: 'CmdOrCtrl+O', click: () => options.onOpenProject() },
        { label: text.recent, submenu: recentItems },
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: text.edit, role: 'editMenu' },
    { label: text.view, role: 'viewMenu' },
    { label: text.window, role: 'windowMenu' },
  ]
}
