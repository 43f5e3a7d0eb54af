// The code-signing leaf Fulcio issues for a GitHub Actions token: SAN, Sigstore OIDs, embedded SCT.
import type { KeyObject } from 'node:crypto'
import {
  AuthorityKeyIdentifier,
  ExtendedKeyUsage,
  GeneralName,
  KeyIdentifier,
  KeyUsage,
  Name,
  SubjectAlternativeName,
  SubjectKeyIdentifier
} from '@peculiar/asn1-x509'
import { derUtf8String } from './der.js'
import type { Claims } from './jwt.js'
import { pem } from './keys.js'
import { embedSct, type CtLogSigner } from './sct.js'
import { buildTbs, encode, extension, keyIdentifier, signTbs, type IssuedCert } from './x509.js'

const OID = (n: number): string => `1.3.6.1.4.1.57264.1.${n}`
const GITHUB = 'https://github.com'

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v))

/** Fulcio's ci-provider template for GitHub (config/identity/config.yaml), OID → value. */
export function githubExtensionValues(claims: Claims): { raw: [number, string][]; der: [number, string][] } {
  const c = (k: string) => str(claims[k])
  return {
    raw: [
      [1, c('iss')],
      [2, c('event_name')],
      [3, c('sha')],
      [4, c('workflow')],
      [5, c('repository')],
      [6, c('ref')]
    ],
    der: [
      [8, c('iss')],
      [9, `${GITHUB}/${c('job_workflow_ref')}`],
      [10, c('job_workflow_sha')],
      [11, c('runner_environment')],
      [12, `${GITHUB}/${c('repository')}`],
      [13, c('sha')],
      [14, c('ref')],
      [15, c('repository_id')],
      [16, `${GITHUB}/${c('repository_owner')}`],
      [17, c('repository_owner_id')],
      [18, `${GITHUB}/${c('workflow_ref')}`],
      [19, c('workflow_sha')],
      [20, c('event_name')],
      [21, `${GITHUB}/${c('repository')}/actions/runs/${c('run_id')}/attempts/${c('run_attempt')}`],
      [22, c('repository_visibility')],
      [23, c('environment')],
      [24, c('sub')]
    ]
  }
}

export interface LeafRequest {
  claims: Claims
  subjectSpki: Buffer
  issuer: IssuedCert
  /** Omitted: no SCT is embedded, as a private Fulcio without a CT log issues them. */
  ctLog?: CtLogSigner
  validityMs?: number
  now?: Date
}

export function issueGithubLeaf(req: LeafRequest): { der: Buffer; pem: string } {
  const now = req.now ?? new Date()
  const { raw, der } = githubExtensionValues(req.claims)
  const san = `${GITHUB}/${str(req.claims.job_workflow_ref)}`
  const exts = [
    extension('2.5.29.15', encode(new KeyUsage(1)), true), // digitalSignature
    extension('2.5.29.37', encode(new ExtendedKeyUsage(['1.3.6.1.5.5.7.3.3']))),
    extension('2.5.29.14', encode(new SubjectKeyIdentifier(keyIdentifier(req.subjectSpki)))),
    extension(
      '2.5.29.35',
      encode(new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(req.issuer.ski) }))
    ),
    // critical because the subject is empty (RFC 5280 §4.2.1.6)
    extension(
      '2.5.29.17',
      encode(new SubjectAlternativeName([new GeneralName({ uniformResourceIdentifier: san })])),
      true
    ),
    ...raw.filter(([, v]) => v !== '').map(([n, v]) => extension(OID(n), Buffer.from(v, 'utf8'))),
    ...der.filter(([, v]) => v !== '').map(([n, v]) => extension(OID(n), derUtf8String(v)))
  ]
  const tbs = buildTbs({
    subject: new Name([]),
    issuer: req.issuer.subject,
    notBefore: now,
    notAfter: new Date(now.getTime() + (req.validityMs ?? 600_000)),
    spki: req.subjectSpki,
    extensions: exts
  })
  if (req.ctLog) embedSct(tbs, req.ctLog, req.issuer.key.spki, now.getTime())
  const certDer = signTbs(tbs, req.issuer.key.privateKey as KeyObject)
  return { der: certDer, pem: pem('CERTIFICATE', certDer) }
}
