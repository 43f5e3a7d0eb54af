export { sbomEligible, statementName } from './subject.js'
export type { ImageKind, RegistrySubject, Subject } from './subject.js'
