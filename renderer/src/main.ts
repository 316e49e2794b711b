import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { connectBridge, setBridge } from './bridge'
import { createWorkbenchI18n, savedLocale, toWorkbenchLocale } from './i18n'
import { useAppStore } from './stores/app'
import { useProjectStore } from './stores/project'
import './styles.css'

const storage = window.localStorage
const chosenLocale = savedLocale(storage)
const i18n = createWorkbenchI18n(chosenLocale ?? toWorkbenchLocale(navigator.language))
document.documentElement.lang = i18n.global.locale.value

const pinia = createPinia()
const app = createApp(App).use(pinia).use(i18n)
const appStore = useAppStore(pinia)

// Never a blank window: anything thrown ends up as a visible message.
const reportUnexpected = (error: unknown) =>
  appStore.report({
    code: 'UNEXPECTED',
    message: error instanceof Error ? error.message : String(error),
  })
app.config.errorHandler = reportUnexpected
window.addEventListener('unhandledrejection', (event) => reportUnexpected(event.reason))
window.addEventListener('error', (event) => reportUnexpected(event.error ?? event.message))

const connection = connectBridge()
setBridge(connection)
connection.onDisconnect(() => appStore.markDisconnected())
// Back after a drop: what changed meanwhile (the open project) is read again.
connection.onReconnect(() => {
  appStore.markConnected()
  void useProjectStore(pinia).start()
})

app.mount('#app')

void appStore.loadInfo().then((info) => {
  // The OS locale wins over the browser's, unless the user picked a language here.
  if (info && chosenLocale === null) {
    i18n.global.locale.value = toWorkbenchLocale(info.locale)
    document.documentElement.lang = i18n.global.locale.value
  }
})
void useProjectStore(pinia).start()
