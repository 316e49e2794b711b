/**
 * `<video>` and the older `<audio>`: HTML draws its own `<video>`/`<audio>` tags and never their
 * children, so these have no host element (glass-easel's virtual host, as `progress.ts`): they
 * draw `<wx-video>`/`<wx-audio>` holding the browser's media element, with the user's `class`,
 * `style`, `id` and `hidden` passed on. Remote
 * `https:`/`http:` sources loaded as WeChat loads them (no domain list; the frame's CSP allows
 * media from there and nothing else), local ones from the code package. Events carry WeChat's
 * details: `timeupdate` `{ currentTime, duration }`, `loadedmetadata` `{ width, height,
 * duration }`, `error` `{ errMsg }`.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, domOf, toggleAttribute, type Data } from './define'
import { resolveImageSource } from './image'
import { drawnHostNode } from './progress'

type MediaTag = 'video' | 'audio'

const VIDEO_PROPERTIES = {
  src: { type: String, value: '' },
  controls: { type: Boolean, value: true },
  autoplay: { type: Boolean, value: false },
  loop: { type: Boolean, value: false },
  muted: { type: Boolean, value: false },
  initialTime: { type: Number, value: 0 },
  objectFit: { type: String, value: 'contain' },
  poster: { type: String, value: '' },
  // WeChat's player controls, danmu and casting: taken without a warning, drawn by the
  // browser's own controls.
  showFullscreenBtn: { type: Boolean, value: true },
  showPlayBtn: { type: Boolean, value: true },
  showCenterPlayBtn: { type: Boolean, value: true },
  showProgress: { type: Boolean, value: true },
  showMuteBtn: { type: Boolean, value: false },
  showCastingButton: { type: Boolean, value: false },
  showScreenLockButton: { type: Boolean, value: false },
  enableDanmu: { type: Boolean, value: false },
  danmuBtn: { type: Boolean, value: false },
  danmuList: { type: Array, value: [] },
  pictureInPictureMode: { type: null, value: '' },
  enableAutoRotation: { type: Boolean, value: false },
  enableProgressGesture: { type: Boolean, value: true },
  title: { type: String, value: '' },
}

const AUDIO_PROPERTIES = {
  src: { type: String, value: '' },
  controls: { type: Boolean, value: false },
  loop: { type: Boolean, value: false },
  poster: { type: String, value: '' },
  name: { type: String, value: '' },
  author: { type: String, value: '' },
}

/** The media element drawn for the `<video>`/`<audio>` component `component`. */
const mediaElements = new WeakMap<glassEasel.GeneralComponent, HTMLMediaElement>()

/** The media element drawing a `<video>` or `<audio>` component (for their context APIs). */
export function mediaElementOf(
  component: glassEasel.GeneralComponent,
): HTMLMediaElement | undefined {
  return mediaElements.get(component)
}

function defineMedia(
  space: glassEasel.ComponentSpace,
  assets: Record<string, string>,
  tag: MediaTag,
): void {
  defineBuiltin(space, tag, {
    virtualHost: true,
    properties: {
      ...(tag === 'video' ? VIDEO_PROPERTIES : AUDIO_PROPERTIES),
      style: { type: String, value: '' },
    },
    render(context) {
      const { component, emit } = context
      const rootNode = drawnHostNode(context, `wx-${tag}`)
      const root = domOf(rootNode)
      const media = root.ownerDocument.createElement(tag)
      media.preload = 'metadata'
      root.appendChild(media)
      mediaElements.set(component, media)
      // A video's children (cover-view, cover-image) are drawn over the picture, placed in it.
      if (tag === 'video')
        context.appendSlot(context.appendElement('div', 'wx-video-covers', rootNode))
      const player = tag === 'audio' ? audioPlayer(media) : undefined
      let src = ''
      let initialTime = 0
      const owner = () => component.ownerShadowRoot?.getHostNode().is ?? ''
      const times = () => ({ currentTime: media.currentTime, duration: media.duration || 0 })
      media.addEventListener('play', () => emit('play', {}))
      media.addEventListener('pause', () => emit('pause', {}))
      media.addEventListener('ended', () => emit('ended', {}))
      media.addEventListener('waiting', () => emit('waiting', {}))
      media.addEventListener('timeupdate', () => emit('timeupdate', times()))
      media.addEventListener('loadedmetadata', () => {
        if (initialTime > 0) media.currentTime = initialTime
        const video = media as HTMLVideoElement
        emit('loadedmetadata', {
          width: video.videoWidth ?? 0,
          height: video.videoHeight ?? 0,
          duration: media.duration || 0,
        })
      })
      media.addEventListener('error', () => {
        if (media.getAttribute('src'))
          emit('error', { errMsg: `MEDIA_ERR_SRC_NOT_SUPPORTED: ${src}` })
      })

      return (d: Data) => {
        root.setAttribute('style', String(d.style))
        toggleAttribute(root, 'hidden', Boolean(d.hidden))
        // The legacy <audio> draws WeChat's player (poster, name, author, time), not the browser's.
        media.controls = tag === 'video' && d.controls === true
        player?.update(d)
        media.loop = d.loop === true
        if (tag === 'video') {
          const video = media as HTMLVideoElement
          video.muted = d.muted === true
          video.autoplay = d.autoplay === true
          video.style.objectFit =
            d.objectFit === 'fill' || d.objectFit === 'cover' ? String(d.objectFit) : 'contain'
          initialTime = Number(d.initialTime) || 0
        }
        const poster = String(d.poster ?? '')
        const posterUrl = poster ? resolveImageSource(poster, owner(), assets) : null
        if (tag === 'video') {
          if (posterUrl) media.setAttribute('poster', posterUrl)
          else media.removeAttribute('poster')
        }
        player?.poster(posterUrl)
        if (String(d.src) === src) return
        src = String(d.src)
        if (!src) {
          media.removeAttribute('src')
          return
        }
        const url = resolveImageSource(src, owner(), assets)
        if (url === null) {
          media.removeAttribute('src')
          setTimeout(() => emit('error', { errMsg: `MEDIA_ERR_SRC_NOT_SUPPORTED: ${src}` }), 0)
          return
        }
        media.setAttribute('src', url)
      }
    },
  })
}

/** `m:ss` as WeChat's audio player writes the time, `00:00` style. */
function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(whole / 60))}:${pad(whole % 60)}`
}

/**
 * WeChat's player of the legacy `<audio controls>`: the poster (65 px square) with a play/pause
 * button, the name and the author, the time played; nothing without `controls`.
 */
function audioPlayer(media: HTMLMediaElement) {
  const doc = media.ownerDocument
  const div = (className: string, parent: HTMLElement) => {
    const element = doc.createElement('div')
    element.className = className
    parent.appendChild(element)
    return element
  }
  const box = div('wx-audio-default', media.parentElement!)
  const left = div('wx-audio-left', box)
  const button = div('wx-audio-button', left)
  button.setAttribute('role', 'button')
  const right = div('wx-audio-right', box)
  const time = div('wx-audio-time', right)
  const info = div('wx-audio-info', right)
  const name = div('wx-audio-name', info)
  const author = div('wx-audio-author', info)
  const playing = () => {
    button.classList.toggle('wx-audio-button--pause', !media.paused)
    button.setAttribute('aria-label', media.paused ? '播放' : '暂停')
  }
  button.addEventListener('click', () => {
    if (media.paused) void media.play().catch(() => undefined)
    else media.pause()
  })
  media.addEventListener('play', playing)
  media.addEventListener('pause', playing)
  media.addEventListener('timeupdate', () => (time.textContent = clock(media.currentTime)))
  time.textContent = clock(0)
  playing()
  return {
    update(d: Data) {
      box.hidden = d.controls !== true
      name.textContent = String(d.name ?? '')
      author.textContent = String(d.author ?? '')
    },
    poster(url: string | null) {
      left.style.backgroundImage = url ? `url("${url.replaceAll('"', '%22')}")` : ''
    },
  }
}

export function defineMediaComponents(
  space: glassEasel.ComponentSpace,
  assets: Record<string, string>,
): void {
  defineMedia(space, assets, 'video')
  defineMedia(space, assets, 'audio')
}
