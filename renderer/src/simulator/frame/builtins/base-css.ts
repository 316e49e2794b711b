/**
 * The base style sheet of the built-ins, close to WeChat's own: it goes before the project's
 * styles (app.wxss, page and component WXSS) so those override it as they do in WeChat.
 */
export const BASE_CSS = `
view, cover-view, form, navigator, picker, scroll-view, swiper, movable-area { display: block; }
text { display: inline; white-space: pre-line; user-select: none; -webkit-user-select: none; }
text[selectable]:not([selectable=false]), text[user-select]:not([user-select=false]) {
  user-select: text; -webkit-user-select: text;
}
[hidden] { display: none !important; }

button {
  position: relative; display: block; box-sizing: border-box;
  margin: 0 auto; padding: 0 14px; font: inherit; font-size: 18px; line-height: 2.55555556;
  text-align: center; text-decoration: none; border: none; border-radius: 5px; overflow: hidden;
  color: #000000; background-color: #f8f8f8; cursor: pointer; -webkit-tap-highlight-color: transparent;
}
/* An HTML button is as wide as its content; WeChat's block one fills its line (button-fit.ts). */
button:where(:not([wx-fit])) { width: -webkit-fill-available; }
button::after {
  content: " "; position: absolute; top: 0; left: 0; width: 200%; height: 200%; box-sizing: border-box;
  border: 1px solid rgba(0, 0, 0, 0.2); border-radius: 10px; transform: scale(0.5);
  transform-origin: 0 0; pointer-events: none;
}
button[wx-type=primary] { color: #ffffff; background-color: #07c160; }
button[wx-type=warn] { color: #ffffff; background-color: #e64340; }
button.button-hover { color: rgba(0, 0, 0, 0.6); background-color: #dedede; }
button[wx-type=primary].button-hover { color: rgba(255, 255, 255, 0.6); background-color: #06ad56; }
button[wx-type=warn].button-hover { color: rgba(255, 255, 255, 0.6); background-color: #ce3c39; }
button[size=mini] {
  display: inline-block; width: auto; padding: 0 1.34em; font-size: 13px; line-height: 2.3;
}
button[plain] { color: #353535; background-color: transparent; border: 1px solid #353535; }
button[plain]::after { border-width: 0; }
button[plain][wx-type=primary] { color: #07c160; border-color: #07c160; }
button[plain][wx-type=warn] { color: #e64340; border-color: #e64340; }
button[disabled] { color: rgba(0, 0, 0, 0.3); background-color: #f7f7f7; cursor: default; }
button[disabled][wx-type=primary] { color: rgba(255, 255, 255, 0.6); background-color: #9ed99d; }
button[disabled][wx-type=warn] { color: rgba(255, 255, 255, 0.6); background-color: #ec8b89; }
button[disabled][plain] { color: rgba(0, 0, 0, 0.2); background-color: transparent; border-color: rgba(0, 0, 0, 0.2); }
button[loading] { color: rgba(0, 0, 0, 0.6); }
button[loading][wx-type=primary], button[loading][wx-type=warn] { color: rgba(255, 255, 255, 0.6); }
.wx-loading {
  display: inline-block; width: 1em; height: 1em; margin: -0.2em 0.34em 0 0; vertical-align: middle;
  border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%;
  box-sizing: border-box; animation: wx-spin 1s linear infinite;
}
@keyframes wx-spin { to { transform: rotate(360deg); } }
navigator.navigator-hover { background-color: rgba(0, 0, 0, 0.1); opacity: 0.7; }

input {
  display: block; box-sizing: border-box; width: -webkit-fill-available; height: 1.4rem;
  min-height: 1.4rem; margin: 0; padding: 0; font: inherit; color: inherit; text-overflow: clip;
  white-space: nowrap; border: none; outline: none; background: transparent;
}
textarea {
  display: block; position: relative; width: 300px; height: 150px; margin: 0; padding: 0;
  font: inherit; color: inherit; border: none; outline: none; background: transparent; resize: none;
}
input::placeholder, textarea::placeholder { color: #808080; }

editor { display: block; position: relative; box-sizing: border-box; width: 100%; height: 200px; min-height: 200px; overflow: auto; user-select: text; -webkit-user-select: text; }
.ql-editor { position: relative; box-sizing: border-box; min-height: 100%; outline: none; line-height: 1.5; white-space: pre-wrap; overflow-wrap: break-word; tab-size: 4; cursor: text; }
.ql-editor > * { margin: 0; padding: 0; }
.ql-editor ol, .ql-editor ul { padding-left: 1.5em; }
.ql-editor ul[data-checked] { list-style: none; padding-left: 0; pointer-events: none; }
.ql-editor ul[data-checked] > li * { pointer-events: auto; }
.ql-editor ul[data-checked] > li::before { content: "\\2610"; margin-right: 0.3em; pointer-events: auto; cursor: pointer; }
.ql-editor ul[data-checked="true"] > li::before { content: "\\2611"; }
.ql-editor hr { margin: 6px 0; border: none; border-top: 1px solid #e5e5e5; }
.ql-editor img { max-width: 100%; vertical-align: bottom; }
${Array.from({ length: 8 }, (_, n) => `.ql-editor .ql-indent-${n + 1} { padding-left: ${(n + 1) * 2}em; }`).join('\n')}
.ql-editor.ql-blank::before { content: attr(data-placeholder); position: absolute; left: 0; right: 0; color: #999999; pointer-events: none; }
.wx-editor-img-tools { position: absolute; box-sizing: border-box; border: 1px dashed #07c160; pointer-events: none; }
.wx-editor-img-size { position: absolute; left: 0; top: 0; white-space: nowrap; padding: 0 4px; font-size: 12px; line-height: 18px; color: #ffffff; background: rgba(0, 0, 0, 0.6); border-radius: 2px; }
.wx-editor-img-toolbar { position: absolute; left: 0; bottom: calc(100% + 4px); display: flex; width: max-content; pointer-events: auto; background: rgba(0, 0, 0, 0.8); border-radius: 4px; }
.wx-editor-img-toolbar button { padding: 0 8px; font-size: 12px; line-height: 26px; color: #ffffff; background: none; border: none; cursor: pointer; }
.wx-editor-img-tools[wx-below] .wx-editor-img-toolbar { top: calc(100% + 4px); bottom: auto; }
.wx-editor-img-resize { position: absolute; right: -6px; bottom: -6px; width: 12px; height: 12px; pointer-events: auto; background: #07c160; border-radius: 50%; cursor: nwse-resize; touch-action: none; }
input:disabled, textarea:disabled { color: inherit; opacity: 0.6; }

image { display: inline-block; position: relative; width: 320px; height: 240px; overflow: hidden; }
cover-image { display: block; position: relative; overflow: hidden; }
image > img, cover-image > img { display: block; }
/* A picture that failed to load, or has no src (yet), is an empty box, as in WeChat: no
   broken-image glyph, no grey outline Chromium draws round a sized <img> without src. */
image > img[wx-failed], cover-image > img[wx-failed],
image > img:not([src]), cover-image > img:not([src]) { visibility: hidden; }
wx-video { display: inline-block; position: relative; width: 300px; height: 225px; background: #000; overflow: hidden; }
wx-video > video { display: block; width: 100%; height: 100%; }
wx-audio { display: inline-block; }
wx-audio > audio { display: none; }
.wx-video-covers { position: absolute; inset: 0; pointer-events: none; }
.wx-video-covers > * { pointer-events: auto; }
/* WeChat's player of <audio controls>. */
.wx-audio-default {
  display: inline-block; max-width: 100%; min-width: 302px; height: 65px; overflow: hidden;
  background: #fcfcfc; border: 1px solid #e0e0e0; border-radius: 2.5px;
}
.wx-audio-default[hidden] { display: none; }
.wx-audio-left {
  float: left; width: 65px; height: 65px; background-color: #e6e6e6;
  background-size: 100% 100%; background-position: 50% 50%;
}
.wx-audio-button {
  position: relative; box-sizing: border-box; width: 24px; height: 24px; margin: 20.5px;
  border: 1px solid #ffffff; border-radius: 50%; cursor: pointer;
}
.wx-audio-button::before {
  content: ""; position: absolute; left: 8px; top: 5.5px; border-style: solid;
  border-width: 5.5px 0 5.5px 9px; border-color: transparent transparent transparent #ffffff;
}
.wx-audio-button--pause::before {
  left: 6.5px; top: 6px; width: 3px; height: 10px; border: 0; background: #ffffff;
  box-shadow: 5px 0 #ffffff;
}
.wx-audio-right {
  box-sizing: border-box; height: 65px; margin-left: 65px; padding: 11px 16.5px 13.5px 15px;
  overflow: hidden;
}
.wx-audio-time { float: right; margin-top: 3.5px; height: 16.5px; font-size: 12px; color: #888888; }
.wx-audio-info { margin-right: 70px; overflow: hidden; }
.wx-audio-name {
  height: 22.5px; margin-bottom: 3.5px; font-size: 14px; line-height: 22.5px; color: #353535;
  overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
}
.wx-audio-author {
  height: 14.5px; font-size: 12px; line-height: 14.5px; color: #888888; overflow: hidden;
  white-space: nowrap; text-overflow: ellipsis;
}
canvas { display: inline-block; width: 300px; height: 150px; }
movable-area { display: block; position: relative; width: 10px; height: 10px; }
movable-view { display: block; position: absolute; top: 0; left: 0; width: 10px; height: 10px; touch-action: none; user-select: none; }
picker-view { display: flex; position: relative; overflow: hidden; height: 150px; }
picker-view-column { display: block; position: relative; flex: 1; height: 100%; overflow: hidden; touch-action: none; user-select: none; cursor: grab; }
.wx-picker-view-column__content { position: relative; z-index: 1; will-change: transform; }
.wx-picker-view-column__content > * { display: block; box-sizing: border-box; }
/* The mask fades the items above and below the indicator (WeChat's gradient). */
.wx-picker-view-column__mask {
  position: absolute; inset: 0; z-index: 3; pointer-events: none;
  background-image: linear-gradient(180deg, rgba(255, 255, 255, 0.95), rgba(255, 255, 255, 0.6)),
    linear-gradient(0deg, rgba(255, 255, 255, 0.95), rgba(255, 255, 255, 0.6));
  background-position: top, bottom; background-size: 100% 42%; background-repeat: no-repeat;
}
.wx-picker-view-column__indicator {
  position: absolute; left: 0; right: 0; height: 34px; z-index: 3; pointer-events: none;
  border-top: 1px solid #e5e5e5; border-bottom: 1px solid #e5e5e5; box-sizing: border-box;
}
match-media[wx-unmatched] { display: none !important; }
.wx-root-portal { display: contents; }
.wx-page-container-root { position: absolute; inset: 0; overflow: hidden; }
.wx-page-container-root[hidden] { display: none; }
.wx-page-container__overlay {
  position: absolute; inset: 0; background: rgba(0, 0, 0, 0.7); opacity: 0;
  transition: opacity var(--wx-page-container-duration, 300ms) ease;
}
.wx-page-container {
  position: absolute; background: #fff; overflow: auto; box-sizing: border-box;
  transition: transform var(--wx-page-container-duration, 300ms) ease, opacity var(--wx-page-container-duration, 300ms) ease;
}
.wx-page-container-root[position='bottom'] > .wx-page-container { left: 0; right: 0; bottom: 0; max-height: 100%; transform: translateY(100%); }
.wx-page-container-root[position='top'] > .wx-page-container { left: 0; right: 0; top: 0; max-height: 100%; transform: translateY(-100%); }
.wx-page-container-root[position='right'] > .wx-page-container { top: 0; bottom: 0; right: 0; width: 100%; transform: translateX(100%); }
.wx-page-container-root[position='center'] > .wx-page-container { top: 50%; left: 50%; transform: translate(-50%, -50%); opacity: 0; }
.wx-page-container-root[round][position='bottom'] > .wx-page-container { border-radius: 20px 20px 0 0; }
.wx-page-container-root[round][position='top'] > .wx-page-container { border-radius: 0 0 20px 20px; }
.wx-page-container-root[round][position='center'] > .wx-page-container { border-radius: 20px; }
.wx-page-container-root[wx-shown] > .wx-page-container__overlay { opacity: 1; }
.wx-page-container-root[wx-shown] > .wx-page-container { transform: none; opacity: 1; }
.wx-page-container-root[wx-shown][position='center'] > .wx-page-container { transform: translate(-50%, -50%); }
map { display: block; position: relative; width: 300px; height: 150px; overflow: hidden; touch-action: none; background-color: #eef1f4; background-image: linear-gradient(#d5dbe1 1px, transparent 1px), linear-gradient(90deg, #d5dbe1 1px, transparent 1px); background-size: 32px 32px; }
.wx-map__layer, .wx-map__lines { position: absolute; inset: 0; width: 100%; height: 100%; overflow: visible; }
.wx-map__marker { position: absolute; width: 0; height: 0; }
.wx-map__marker-body { position: absolute; left: 0; top: 0; cursor: pointer; }
.wx-map__pin { width: 18px; height: 24px; }
.wx-map__pin::before { content: ''; position: absolute; left: 2px; top: 2px; width: 14px; height: 14px; border-radius: 50% 50% 50% 0; background: #f15b50; transform: rotate(-45deg); box-shadow: 0 0 0 2px #fff; }
.wx-map__marker img { display: block; }
.wx-map__label { position: absolute; left: 0; top: 2px; transform: translateX(-50%); white-space: nowrap; font-size: 12px; cursor: pointer; }
.wx-map__callout { position: absolute; left: 0; transform: translateX(-50%); white-space: pre; font-size: 12px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2); cursor: pointer; }
.wx-map__location { position: absolute; transform: translate(-50%, -50%); cursor: pointer; }
.wx-map__callouts { position: absolute; inset: 0; pointer-events: none; }
.wx-map__callouts > * { position: static !important; }
.wx-map__callouts > * > * { pointer-events: auto; }
.wx-map__location--dot { width: 12px; height: 12px; border-radius: 50%; background: #2f7cf6; box-shadow: 0 0 0 3px #fff, 0 0 0 12px rgba(47, 124, 246, 0.2); }
:where(map > :not(.wx-map__layer, .wx-map__controls, .wx-map__note)) { position: relative; }
.wx-map__controls { position: absolute; inset: 0; pointer-events: none; }
.wx-map__control { position: absolute; pointer-events: auto; }
.wx-map__note { position: absolute; left: 4px; bottom: 4px; right: 4px; padding: 2px 6px; font-size: 10px; line-height: 14px; color: #5a6470; background: rgba(255, 255, 255, 0.8); border-radius: 3px; pointer-events: none; }
wx-camera, wx-live-player, wx-live-pusher { display: block; position: relative; width: 300px; height: 225px; }
wx-ad { display: block; position: relative; min-height: 100px; }
wx-camera, wx-live-player, wx-live-pusher, wx-ad {
  background: #ededed; color: rgba(0, 0, 0, 0.5); font-size: 13px; overflow: hidden;
}
[wx-placeholder]::before {
  content: attr(wx-placeholder); position: absolute; inset: 0; display: flex; align-items: center;
  justify-content: center; padding: 12px; text-align: center; box-sizing: border-box;
}
image[wx-auto=height], cover-image[wx-auto=height] { height: auto; }
image[wx-auto=width], cover-image[wx-auto=width] { width: auto; }

scroll-view { position: relative; width: 100%; overflow: hidden; }
.wx-scroll-view {
  position: relative; width: 100%; height: 100%; max-height: inherit; box-sizing: border-box;
  -webkit-overflow-scrolling: touch;
}
scroll-view[enable-flex] > .wx-scroll-view {
  display: inherit; flex-direction: inherit; flex-wrap: inherit; align-items: inherit;
  justify-content: inherit; gap: inherit;
}
.wx-scroll-view-no-scrollbar { scrollbar-width: none; }
.wx-scroll-view-refresher { position: relative; display: flex; flex-direction: column; justify-content: flex-end; flex-shrink: 0; height: 0; overflow: hidden; transition: height 0.2s; }
.wx-scroll-view-refresher-dots { position: absolute; left: 0; right: 0; bottom: 0; height: 45px; display: flex; align-items: center; justify-content: center; gap: 6px; }
.wx-scroll-view-refresher-dots i { width: 6px; height: 6px; border-radius: 50%; background: rgba(0, 0, 0, 0.4); }
.wx-scroll-view-refresher[wx-style=white] i { background: rgba(255, 255, 255, 0.8); }
.wx-scroll-view-refresher[wx-style=none] .wx-scroll-view-refresher-dots { display: none; }
.wx-scroll-view-no-scrollbar::-webkit-scrollbar { display: none; }

swiper { position: relative; height: 150px; overflow: hidden; }
.wx-swiper-track { display: flex; width: 100%; height: 100%; will-change: transform; }
swiper-item {
  display: block; position: relative; flex: 0 0 var(--wx-swiper-item-size, 100%);
  width: var(--wx-swiper-item-size, 100%); height: 100%; overflow: hidden; box-sizing: border-box;
}
.wx-swiper-track-vertical { flex-direction: column; }
.wx-swiper-track-vertical > swiper-item { width: 100%; height: var(--wx-swiper-item-size, 100%); }
.wx-swiper-dots {
  position: absolute; left: 50%; bottom: 10px; display: flex; transform: translateX(-50%);
  pointer-events: none;
}
.wx-swiper-dots-vertical { left: auto; right: 10px; bottom: auto; top: 50%; flex-direction: column; transform: translateY(-50%); }
.wx-swiper-dot { display: block; width: 8px; height: 8px; margin: 0 4px; border-radius: 50%; }
.wx-swiper-dots-vertical .wx-swiper-dot { margin: 4px 0; }

icon { display: inline-block; font-size: 0; vertical-align: middle; }
icon > svg { display: block; }

.wx-progress { display: flex; align-items: center; }
.wx-progress-bar { flex: 1; overflow: hidden; }
.wx-progress-inner-bar { width: 0; height: 100%; }
.wx-progress-info { min-width: 2em; margin-left: 15px; }

switch, checkbox, radio { display: inline-block; cursor: pointer; -webkit-tap-highlight-color: transparent; }
switch[disabled], checkbox[disabled], radio[disabled] { cursor: default; }
.wx-switch-input {
  position: relative; display: inline-block; width: 52px; height: 32px; box-sizing: border-box;
  vertical-align: middle; border: 1px solid #dfdfdf; border-radius: 16px; background-color: #dfdfdf;
  transition: background-color 0.1s, border 0.1s;
}
.wx-switch-input::before, .wx-switch-input::after {
  content: " "; position: absolute; top: 0; left: 0; height: 30px; border-radius: 15px;
  transition: transform 0.3s;
}
.wx-switch-input::before { width: 50px; background-color: #fdfdfd; }
.wx-switch-input::after { width: 30px; background-color: #ffffff; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4); }
switch[checked] > .wx-switch-input { border-color: var(--wx-choice-color); background-color: var(--wx-choice-color); }
switch[checked] > .wx-switch-input::before { transform: scale(0); }
switch[checked] > .wx-switch-input::after { transform: translateX(20px); }
switch[disabled] > .wx-switch-input, switch[disabled] > .wx-checkbox-input { opacity: 0.7; }
.wx-checkbox-input, .wx-radio-input {
  position: relative; display: inline-block; width: 22px; height: 22px; margin-right: 5px;
  box-sizing: border-box; vertical-align: middle; border: 1px solid #d1d1d1; background-color: #ffffff;
}
.wx-checkbox-input { border-radius: 3px; }
.wx-radio-input { border-radius: 50%; }
[checked] > .wx-checkbox-input::before, [checked] > .wx-radio-input::before {
  content: " "; position: absolute; left: 7px; top: 3px; width: 5px; height: 10px;
  border: solid var(--wx-choice-color); border-width: 0 2px 2px 0; transform: rotate(45deg);
}
radio[checked] > .wx-radio-input { background-color: var(--wx-choice-color); border-color: var(--wx-choice-color); }
radio[checked] > .wx-radio-input::before { border-color: #ffffff; }
/* WeChat greys a disabled box and its tick instead of fading the colour. */
checkbox[disabled] > .wx-checkbox-input { background-color: #e1e1e1; }
checkbox[disabled][checked] > .wx-checkbox-input::before { border-color: #adadad; }
radio[disabled] > .wx-radio-input { background-color: #e1e1e1; border-color: #d1d1d1; }
radio[disabled][checked] > .wx-radio-input::before { border-color: #adadad; }

slider { display: flex; align-items: center; margin: 10px 18px; }
.wx-slider-track { position: relative; flex: 1; height: 2px; margin: 14px 0; border-radius: 5px; cursor: pointer; }
.wx-slider-active { position: absolute; left: 0; top: 0; height: 100%; border-radius: inherit; }
.wx-slider-thumb {
  position: absolute; top: 50%; box-sizing: border-box; border-radius: 50%;
  box-shadow: 0 0 4px rgba(0, 0, 0, 0.2); cursor: grab;
}
slider[disabled] .wx-slider-thumb { cursor: default; }
.wx-slider-value { min-width: 3em; margin-left: 1em; color: #888888; font-size: 14px; text-align: center; }

.wx-picker-mask {
  position: fixed; inset: 0; z-index: 1000; display: flex; align-items: flex-end;
  background-color: rgba(0, 0, 0, 0.6);
}
.wx-picker { width: 100%; background-color: #ffffff; font-size: 17px; }
.wx-picker-header {
  display: flex; align-items: center; justify-content: space-between; height: 44px;
  padding: 0 15px; border-bottom: 1px solid #e5e5e5; background-color: #fbf9fe;
}
.wx-picker-action {
  flex: none; width: auto; margin: 0; padding: 0 6px; font: inherit; line-height: normal;
  border: none; border-radius: 0; background: none; cursor: pointer;
}
.wx-picker-action::after { display: none; }
.wx-picker-cancel { color: #888888; }
.wx-picker-confirm { color: #07c160; }
.wx-picker-title { flex: 1; text-align: center; color: #000000; }
.wx-picker-columns { display: flex; }
.wx-picker-options {
  flex: 1; max-height: 238px; margin: 0; padding: 0; overflow-y: auto; list-style: none;
}
.wx-picker-option { height: 34px; line-height: 34px; color: #999999; text-align: center; cursor: pointer; }
.wx-picker-option[aria-selected=true] { color: #000000; background-color: #f2f2f2; }

rich-text { display: inline; }
label { display: inline; cursor: pointer; }

/* app.json "style": "v2": WeChat's current button (184px wide, bold, grey default). */
:where(:root[wx-style=v2]) button {
  width: 184px; padding: 8px 24px; font-size: 17px; font-weight: 700; line-height: 1.41176471;
  border-radius: 4px;
}
:where(:root[wx-style=v2]) button::after { border-width: 0; }
:where(:root[wx-style=v2]) button[wx-type=default] { color: #06ae56; background-color: #f2f2f2; }
:where(:root[wx-style=v2]) button[wx-type=warn] { color: #fa5151; background-color: #f2f2f2; }
:where(:root[wx-style=v2]) button[wx-type=default].button-hover,
:where(:root[wx-style=v2]) button[wx-type=warn].button-hover { background-color: #d6d6d6; }
:where(:root[wx-style=v2]) button[size=mini] {
  width: auto; padding: 0 0.75em; font-size: 16px; line-height: 2; border-radius: 4px;
}
:where(:root[wx-style=v2]) button[disabled][wx-type] { color: rgba(0, 0, 0, 0.18); background-color: #f2f2f2; }
:where(:root[wx-style=v2]) button[loading][wx-type=default] { color: rgba(6, 174, 86, 0.6); }
:where(:root[wx-style=v2]) button[loading][wx-type=warn] { color: rgba(250, 81, 81, 0.6); }
`
