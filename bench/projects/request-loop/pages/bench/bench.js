/* global wx, Page */
// Sends `total` GETs to the loopback bench server, `concurrency` at a time, after `warmup` ones,
// and prints `bench-measure-start` when the measured part begins, then `bench-result` with every
// latency (ms) and the wall time (s) of the measured part.
const now = typeof performance === 'undefined' ? () => Date.now() : () => performance.now()

function load(url, total, concurrency) {
  return new Promise((resolve) => {
    const latencies = []
    let started = 0
    const t0 = now()
    function next() {
      if (started >= total) return
      started++
      const t = now()
      wx.request({
        url,
        complete() {
          latencies.push(now() - t)
          if (latencies.length === total) resolve({ latencies, seconds: (now() - t0) / 1000 })
          else next()
        },
      })
    }
    for (let i = 0; i < Math.min(concurrency, total); i++) next()
  })
}

Page({
  onLoad(query) {
    const url = `http://127.0.0.1:${query.port}/bench`
    const concurrency = Number(query.concurrency)
    load(url, Number(query.warmup), concurrency)
      .then(() => {
        console.log('bench-measure-start')
        return load(url, Number(query.total), concurrency)
      })
      .then((result) => console.log('bench-result', result))
  },
})
