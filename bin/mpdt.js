#!/usr/bin/env node
// Filled in by the workbench-foundation work.
const { main } = await import('../out/main/cli.js')
process.exitCode = await main(process.argv.slice(2))
