/**
 * The user's authorization answers (`scope.*`, what `wx.getSetting` reports), kept per appid in
 * the workbench's localStorage beside the mini-program's storage, so they outlive a recompile and
 * a restart as in WeChat's tool; 详情 shows and edits them.
 */
import { authSettingOf, type AuthSetting } from '../../../shared/runtime/authorization'
import type { KeyValueStore } from './frame-storage'

const KEY_PREFIX = 'mpdt.simulator.authorization:'

export function loadAuthSetting(store: KeyValueStore, appid: string): AuthSetting {
  try {
    return authSettingOf(JSON.parse(store.getItem(KEY_PREFIX + appid) ?? '{}'))
  } catch {
    return {}
  }
}

/** Keeps `setting` for `appid`; an empty one (清除) removes the entry. */
export function saveAuthSetting(store: KeyValueStore, appid: string, setting: AuthSetting): void {
  const kept = authSettingOf(setting)
  try {
    if (Object.keys(kept).length === 0) store.removeItem(KEY_PREFIX + appid)
    else store.setItem(KEY_PREFIX + appid, JSON.stringify(kept))
  } catch {
    // Storage unavailable: the answers last for this session.
  }
}
