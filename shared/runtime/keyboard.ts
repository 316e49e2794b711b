/**
 * `wx.onKeyboardHeightChange` / `wx.offKeyboardHeightChange` as WeChat's simulator answers them:
 * it has no soft keyboard (a focused field takes the computer's keys and covers nothing), so the
 * keyboard height stays 0 and never changes, and the listeners, kept as on a phone, are never
 * called. For the same reason `<input>`/`<textarea>` focus reports `height: 0`, their
 * `bindkeyboardheightchange` never fires and `adjust-position` has nothing to move the page above.
 * Faking a height on focus would lift pages in this simulator that WeChat's leaves in place.
 */
import { ListenerList } from './listener-list'

export function createKeyboardApi(): Record<string, unknown> {
  const heightChange = new ListenerList()
  return {
    onKeyboardHeightChange: (listener: unknown) => heightChange.add(listener),
    offKeyboardHeightChange: (listener?: unknown) => heightChange.remove(listener),
  }
}
