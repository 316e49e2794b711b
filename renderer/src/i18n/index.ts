/** vue-i18n set-up: the locale follows the user's saved choice, else the OS, else the browser. */
import { createI18n } from 'vue-i18n'
import { withPanelMessages } from './panel-messages'
import { messages, SUPPORTED_LOCALES, type WorkbenchLocale } from './messages'

export { SUPPORTED_LOCALES, type WorkbenchLocale }

/** localStorage key of the language the user picked in the workbench. */
export const LOCALE_STORAGE_KEY = 'mpdt.locale'

/** Maps a BCP 47 tag to a workbench locale: any Chinese to zh-CN, everything else to English. */
export function toWorkbenchLocale(tag: string): WorkbenchLocale {
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function isWorkbenchLocale(value: unknown): value is WorkbenchLocale {
  return (SUPPORTED_LOCALES as readonly unknown[]).includes(value)
}

/** The user's saved choice, if any (storage may be unavailable, e.g. in a locked-down profile). */
export function savedLocale(storage: Pick<Storage, 'getItem'> | undefined): WorkbenchLocale | null {
  try {
    const value = storage?.getItem(LOCALE_STORAGE_KEY)
    return isWorkbenchLocale(value) ? value : null
  } catch {
    return null
  }
}

export function saveLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: WorkbenchLocale) {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Not remembering the choice is acceptable; the switch itself still applies.
  }
}

export function createWorkbenchI18n(locale: WorkbenchLocale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: withPanelMessages(messages),
  })
}
