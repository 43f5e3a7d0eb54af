// The verifier of published material, as other folders use it: discovery, checks against a policy, a report.
export { discoverPublished } from './discover.js'
export type { Found, Material, Where } from './discover.js'
export { CheckFailed, checkSignedPayload, checkStatement } from './subject-claims.js'
export type { StatementFacts, SubjectExpectation } from './subject-claims.js'
export { PublishedVerifier, assertVerified, verifyPublished } from './verifier.js'
export type {
  Expected,
  ItemFacts,
  PublishedItem,
  PublishedSubject,
  ReportItem,
  VerificationReport,
  VerifyPolicy
} from './verifier.js'
export { verifyFileBundle } from './file-bundle.js'
export type { FileBundleResult } from './file-bundle.js'
