// `mpdt` command line (plain Node). Filled in by the workbench-foundation work.
export async function main(argv: string[]): Promise<number> {
  process.stdout.write(`mpdt: ${argv.join(' ')}\n`)
  return 0
}
