// Kept in step with package.json by test/unit/http/version.test.ts (the bundle cannot read package.json).
export const VERSION = '0.1.0'
export const USER_AGENT = `oci-attest/${VERSION}`
