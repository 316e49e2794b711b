import type { ReadProjectFile } from '../../electron/services/compiler'

/** An in-memory mini-program whose reads are counted, to see what a recompile touches. */
export function memoryProject(files: Record<string, string>) {
  const reads: string[] = []
  const readFile: ReadProjectFile = async (path) => {
    reads.push(path)
    return files[path] ?? null
  }
  return { files, reads, readFile }
}
