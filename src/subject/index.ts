export { fileSubjects, registrySubjects, sbomEligible, statementName } from './subject.js'
export type { FileSubject, ImageKind, RegistrySubject, Subject } from './subject.js'
