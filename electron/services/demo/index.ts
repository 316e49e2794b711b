export { startDemoServer, type DemoServer, type DemoServerOptions } from './demo-server'
export {
  DEMO_API_HOST,
  DEMO_API_ORIGIN,
  DEMO_OTHER_HOST,
  DEMO_OTHER_ORIGIN,
  DEMO_SOCKET_ORIGIN,
} from './demo-hosts'
export { demoCopyDir, demoProjectDir, isDemoProject, type DemoLocation } from './demo-project'
export { ensureDemoCopy } from './demo-copy'
export { withDemoCopy } from './demo-store'
export {
  createDemoNetwork,
  type DemoEngineSettings,
  type DemoNetwork,
  type DemoNetworkOptions,
} from './demo-network'
