/** Drives a request function at a fixed concurrency and summarizes throughput and latency. */
import { performance } from 'node:perf_hooks'

export interface LoadResult {
  requests: number
  seconds: number
  requestsPerSecond: number
  p50: number
  p99: number
  /** Process CPU time (user + system) per request, µs: steadier than req/s on a busy machine. */
  cpuPerRequest: number
}

/** Latency percentiles (ms), throughput and CPU cost of the given latencies, wall time, CPU. */
export function summarize(latencies: number[], seconds: number, cpu: NodeJS.CpuUsage): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return {
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    cpuPerRequest: (cpu.user + cpu.system) / Math.max(1, latencies.length),
  }
}

/** `total` calls of `send`, at most `concurrency` at once. */
export async function runLoad(
  send: () => Promise<void>,
  total: number,
  concurrency: number,
): Promise<LoadResult> {
  const latencies: number[] = []
  let started = 0
  const worker = async () => {
    while (started < total) {
      started++
      const t0 = performance.now()
      await send()
      latencies.push(performance.now() - t0)
    }
  }
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  return summarize(latencies, (performance.now() - t0) / 1000, process.cpuUsage(cpu0))
}
