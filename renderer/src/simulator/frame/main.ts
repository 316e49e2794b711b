/** Entry of the simulator's sandboxed frame (renderer/simulator.html). */
import './frame.css'
import { concealParent, startFrame } from './frame-boot'

// Built-in components plug in by importing builtins/index.ts when it exists (builtins-registry.ts).
import.meta.glob('./builtins/index.ts', { eager: true })

const parent = window.parent
concealParent(window)
startFrame(window, parent, { followZoom: true })
