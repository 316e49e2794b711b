/**
 * The interaction layer drawn over the phone's pages: toast and loading (role=status), modal and
 * action sheet (role=dialog), the `wx.previewImage` viewer, as WeChat draws them. Navigation bar changes go to the page screen.
 */
import type {
  ActionSheetOptions,
  AuthorizationQuestion,
  InteractionUi,
  ModalOptions,
  ModalResult,
  NavigationBarPatch,
  TabBarChange,
  ToastOptions,
} from '../../../../shared/runtime'
import { SCOPE_TEXT, type AuthorizationScope } from '../../../../shared/runtime/authorization'
import { preloadImage, type LocalFileReader, type RemoteLoadStarter } from './builtins/image'
import { element, phoneButton } from './dom'
import { showImageViewer } from './image-viewer'

export interface FrameUiOptions {
  doc: Document
  layer: HTMLElement
  /** Image files as data URLs by project path (a toast's `image`, `wx.previewImage`). */
  assets: Record<string, string>
  /** Reads a `wxfile://` picture for `wx.previewImage`. */
  readLocalFile?: LocalFileReader
  /** Starts a network picture's request as `<image>` does (`wx.preloadAssets`). */
  startRemoteLoad?: RemoteLoadStarter
  setNavigationBar(pageId: number, patch: NavigationBarPatch): void
  /** Draws `wx.setTabBarItem` & co. on the phone's tab bar. */
  changeTabBar(change: TabBarChange): void
}

const MODAL_DEFAULTS: ModalOptions = {
  title: '',
  content: '',
  showCancel: true,
  cancelText: '取消',
  cancelColor: '#000000',
  confirmText: '确定',
  confirmColor: '#576B95',
  editable: false,
  placeholderText: '',
}

export class FrameUi implements InteractionUi {
  private toast: { node: HTMLElement; timer?: ReturnType<typeof setTimeout> } | undefined

  constructor(private readonly options: FrameUiOptions) {}

  showToast(options: ToastOptions): void {
    this.hideToast()
    const { doc, layer } = this.options
    const withIcon = options.icon !== 'none' || options.image !== undefined
    const icon = options.image
      ? element(doc, 'img', {
          class: 'mp-toast-image',
          alt: '',
          src: this.options.assets[options.image.replace(/^\/+/, '')] ?? '',
        })
      : element(doc, 'span', {
          class: `mp-toast-icon mp-toast-icon-${options.icon}`,
          'aria-hidden': 'true',
        })
    const box = element(
      doc,
      'div',
      {
        id: 'mp-toast',
        role: 'status',
        'aria-live': 'polite',
        class: withIcon ? 'mp-toast-with-icon' : 'mp-toast-text-only',
        'data-icon': options.image ? 'image' : options.icon,
      },
      [
        ...(withIcon ? [icon] : []),
        element(doc, 'span', { class: 'mp-toast-title' }, [options.title]),
      ],
    )
    const node = options.mask ? element(doc, 'div', { class: 'mp-mask mp-mask-clear' }, [box]) : box
    layer.appendChild(node)
    const current: { node: HTMLElement; timer?: ReturnType<typeof setTimeout> } = { node }
    if (Number.isFinite(options.duration)) {
      current.timer = setTimeout(() => {
        if (this.toast === current) this.hideToast()
      }, options.duration)
    }
    this.toast = current
  }

  hideToast(): void {
    if (!this.toast) return
    if (this.toast.timer !== undefined) clearTimeout(this.toast.timer)
    this.toast.node.remove()
    this.toast = undefined
  }

  showModal(options: ModalOptions, done: (result: ModalResult) => void): void {
    const { doc, layer } = this.options
    const titleId = `mp-modal-title-${layer.childElementCount}`
    const input = options.editable
      ? element(doc, 'textarea', {
          class: 'mp-modal-input',
          placeholder: options.placeholderText,
          'aria-label': options.title || options.placeholderText || 'input',
        })
      : undefined
    if (input) input.value = options.content
    const button = (text: string, color: string, className: string, confirm: boolean) => {
      const node = phoneButton(doc, { class: className }, [text])
      node.style.color = color
      node.addEventListener('click', () => {
        mask.remove()
        done(options.editable ? { confirm, content: input?.value ?? '' } : { confirm })
      })
      return node
    }
    const buttons = element(doc, 'div', { class: 'mp-modal-buttons' }, [
      ...(options.showCancel
        ? [button(options.cancelText, options.cancelColor, 'mp-modal-cancel', false)]
        : []),
      button(options.confirmText, options.confirmColor, 'mp-modal-confirm', true),
    ])
    const dialog = element(
      doc,
      'div',
      {
        class: 'mp-modal',
        role: 'dialog',
        'aria-modal': 'true',
        ...(options.title ? { 'aria-labelledby': titleId } : {}),
      },
      [
        ...(options.title
          ? [element(doc, 'div', { class: 'mp-modal-title', id: titleId }, [options.title])]
          : []),
        input ?? element(doc, 'div', { class: 'mp-modal-content' }, [options.content]),
        buttons,
      ],
    )
    const mask = element(doc, 'div', { class: 'mp-mask' }, [dialog])
    layer.appendChild(mask)
  }

  /** WeChat's authorization dialog, drawn as a modal with 拒绝 / 允许. */
  askAuthorization(question: AuthorizationQuestion, done: (allowed: boolean) => void): void {
    const asked = SCOPE_TEXT[question.scope as AuthorizationScope] ?? question.scope
    this.showModal(
      {
        ...MODAL_DEFAULTS,
        title: `申请${asked}`,
        content: question.desc ?? '',
        cancelText: '拒绝',
        confirmText: '允许',
      },
      (result) => done(result.confirm),
    )
  }

  /** `wx.scanCode` in the simulator: the developer types what the camera would have read. */
  askScanResult(done: (result: string | undefined) => void): void {
    this.showModal(
      {
        ...MODAL_DEFAULTS,
        title: '扫码（模拟）',
        editable: true,
        placeholderText: '输入扫码结果',
      },
      (result) => done(result.confirm ? (result.content ?? '') : undefined),
    )
  }

  changeTabBar(change: TabBarChange): void {
    this.options.changeTabBar(change)
  }

  showActionSheet(options: ActionSheetOptions, done: (tapIndex: number | undefined) => void): void {
    const { doc, layer } = this.options
    const finish = (tapIndex: number | undefined) => {
      mask.remove()
      done(tapIndex)
    }
    const items = options.itemList.map((text, index) => {
      const item = phoneButton(doc, { class: 'mp-action-sheet-item' }, [text])
      item.style.color = options.itemColor
      item.addEventListener('click', (event) => {
        event.stopPropagation()
        finish(index)
      })
      return item
    })
    const cancel = phoneButton(doc, { class: 'mp-action-sheet-cancel' }, ['取消'])
    cancel.addEventListener('click', (event) => {
      event.stopPropagation()
      finish(undefined)
    })
    const sheet = element(
      doc,
      'div',
      {
        class: 'mp-action-sheet',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-label': options.alertText ?? 'action sheet',
      },
      [
        ...(options.alertText
          ? [element(doc, 'div', { class: 'mp-action-sheet-alert' }, [options.alertText])]
          : []),
        ...items,
        cancel,
      ],
    )
    sheet.addEventListener('click', (event) => event.stopPropagation())
    const mask = element(doc, 'div', { class: 'mp-mask mp-mask-bottom' }, [sheet])
    mask.addEventListener('click', () => finish(undefined))
    layer.appendChild(mask)
  }

  setNavigationBar(pageId: number, patch: NavigationBarPatch): void {
    this.options.setNavigationBar(pageId, patch)
  }

  previewImage(urls: string[], current: number): void {
    showImageViewer(this.options, urls, current)
  }

  preloadImages(srcs: string[]): void {
    for (const src of srcs) preloadImage(this.options.doc, src, this.options.startRemoteLoad)
  }
}
