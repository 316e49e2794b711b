/** Opening a project: reading, validating, writing settings, watching, path safety. */
export { createProjectStore, type ProjectStore, type ProjectStoreOptions } from './project-store'
export { loadProject } from './load-project'
export { formatProblem } from './format-problem'
export { resolveInsideProject } from './project-files'
export { validateDomainLists } from './domain-lists'
