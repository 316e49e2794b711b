/**
 * `<button>`: the host is a real HTML button (focusable, role=button, named by its text). WeChat's
 * look comes from the base CSS through the `type`, `size`, `plain`, `disabled` and `loading`
 * attributes mirrored on the host, its auto width from `button-fit.ts`. A disabled button swallows taps; `form-type` submits or resets
 * the enclosing `<form>`; `open-type` runs its open ability (`open-type.ts`).
 */
import type * as glassEasel from 'glass-easel'
import { watchButtonFit } from './button-fit'
import { closest, defineBuiltin, isBuiltin, toggleAttribute, type Data } from './define'
import { submitForm, resetForm } from './form'
import { registerHover } from './hover'
import { runOpenType, type CallWx } from './open-type'
import {
  FORM_FIELD_BUTTON,
  hasBuiltinBehavior,
} from '../../../../../shared/runtime/builtin-behaviors'

export function defineButton(space: glassEasel.ComponentSpace, callWx: CallWx): void {
  defineBuiltin(space, 'button', {
    properties: {
      type: { type: String, value: 'default' },
      size: { type: String, value: 'default' },
      plain: { type: Boolean, value: false },
      disabled: { type: Boolean, value: false },
      loading: { type: Boolean, value: false },
      formType: { type: String, value: '' },
      openType: { type: String, value: '' },
      hoverClass: { type: String, value: 'button-hover' },
      hoverStartTime: { type: Number, value: 20 },
      hoverStayTime: { type: Number, value: 70 },
      hoverStopPropagation: { type: Boolean, value: false },
      // What open-type="contact"/"getUserInfo"/"launchApp" pass to WeChat's own pages.
      lang: { type: String, value: 'en' },
      sessionFrom: { type: String, value: '' },
      sendMessageTitle: { type: String, value: '' },
      sendMessagePath: { type: String, value: '' },
      sendMessageImg: { type: String, value: '' },
      showMessageCard: { type: Boolean, value: false },
      appParameter: { type: String, value: '' },
      phoneNumberNoQuotaToast: { type: Boolean, value: true },
    },
    render({ component, host, data, emit, appendSlot, onAttach, onDetach }) {
      // Never the browser's own submit: `<form>` hosts are real forms too.
      host.setAttribute('type', 'button')
      const loadingIcon = host.ownerDocument.createElement('i')
      loadingIcon.className = 'wx-loading'
      loadingIcon.setAttribute('aria-hidden', 'true')
      appendSlot()
      let unwatchFit = (): void => undefined
      onAttach(() => (unwatchFit = watchButtonFit(host)))
      onDetach(() => unwatchFit())

      registerHover(component, () => {
        const d = data()
        if (d.disabled || d.hoverClass === 'none' || !d.hoverClass) return null
        return {
          className: String(d.hoverClass),
          startTime: Number(d.hoverStartTime),
          stayTime: Number(d.hoverStayTime),
          stopPropagation: Boolean(d.hoverStopPropagation),
        }
      })
      component.addListener(
        'tap',
        () => {
          // A disabled button's tap reaches no handler, its own or an ancestor's.
          if (data().disabled) return false
          return undefined
        },
        { capture: true },
      )
      component.addListener('tap', () => {
        const openType = String(data().openType)
        if (openType) runOpenType(component, openType, (name, detail) => emit(name, detail), callWx)
        const formType = data().formType
        if (formType !== 'submit' && formType !== 'reset') return
        // Out of a custom component only through `wx://form-field-button`, as in WeChat.
        const form = closest(
          component,
          (element) => isBuiltin(element, 'form'),
          (host) => hasBuiltinBehavior(host, FORM_FIELD_BUTTON),
        )
        if (!form) return
        if (formType === 'submit') submitForm(form as glassEasel.GeneralComponent)
        else resetForm(form as glassEasel.GeneralComponent)
      })

      return (d: Data) => {
        // `type` stays the DOM button type; WeChat's type is `wx-type` for the CSS.
        host.setAttribute('wx-type', String(d.type))
        host.setAttribute('size', String(d.size))
        toggleAttribute(host, 'plain', Boolean(d.plain))
        toggleAttribute(host, 'loading', Boolean(d.loading))
        toggleAttribute(host, 'aria-disabled', Boolean(d.disabled), 'true')
        toggleAttribute(host, 'disabled', Boolean(d.disabled))
        if (d.loading) host.insertBefore(loadingIcon, host.firstChild)
        else loadingIcon.remove()
        host.setAttribute('aria-busy', String(Boolean(d.loading)))
      }
    },
  })
}
