// Fulcio-compatible CA: v2 (JSON) and v1 legacy (PEM chain) signingCert, trust bundle, configuration.
import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseCsr } from './csr.js'
import { issueGithubLeaf } from './fulcio-cert.js'
import { field, listen, pathOf, readBody, sendError, sendJson, type RunningServer } from './http.js'
import { verifyJwt, type Claims } from './jwt.js'
import { parsePem } from './keys.js'
import type { OidcIssuer } from './oidc.js'
import type { CtLogSigner } from './sct.js'
import type { CaChain } from './x509.js'

export interface FulcioOptions {
  host?: string
  oidc: Pick<OidcIssuer, 'issuer' | 'jwks'>
  ca: CaChain
  ctLog: CtLogSigner
}

interface KeyRequest {
  token: string
  publicKeyContent?: Buffer
  proof?: Buffer
  csr?: Buffer
}

class FulcioRequestError extends Error {}

/** `<fulcioUrl>/no-ct/api/v2/signingCert`: certificates without an embedded SCT. */
export const NO_CT_PREFIX = '/no-ct'

const b64 = (v: unknown): Buffer | undefined =>
  typeof v === 'string' && v ? Buffer.from(v, 'base64') : undefined

/** CSRs arrive as base64(PEM) from Go clients and sometimes as raw PEM; accept both, and DER. */
function csrDer(value: unknown): Buffer | undefined {
  if (typeof value !== 'string' || !value) return undefined
  const text = value.includes('-----BEGIN') ? value : Buffer.from(value, 'base64').toString('latin1')
  const block = parsePem(text)[0]
  return block ? block.der : Buffer.from(value, 'base64')
}

function bearer(req: IncomingMessage): string {
  const h = req.headers.authorization ?? ''
  return h.toLowerCase().startsWith('bearer ') ? h.slice(7).trim() : ''
}

function keyFrom(content: Buffer): KeyObject {
  const text = content.toString('latin1')
  try {
    return text.includes('-----BEGIN')
      ? createPublicKey(text)
      : createPublicKey({ key: content, format: 'der', type: 'spki' })
  } catch {
    throw new FulcioRequestError('error parsing PEM or DER encoded public key')
  }
}

/** The signer proves possession by signing the token's subject (Fulcio's challenge for CI providers). */
function checkProof(key: KeyObject, proof: Buffer | undefined, claims: Claims): void {
  if (!proof) throw new FulcioRequestError('proof of possession missing: sign the token sub claim')
  const subject = String(claims.email ?? claims.sub ?? '')
  const hash = key.asymmetricKeyType === 'ed25519' ? null : 'sha256'
  if (!verify(hash, Buffer.from(subject), key, proof)) {
    throw new FulcioRequestError('The signature supplied in the request could not be verified')
  }
}

export async function startFulcio(opts: FulcioOptions): Promise<RunningServer> {
  const chainPems = [opts.ca.intermediate.pem, opts.ca.root.pem]

  const issue = (r: KeyRequest, withSct: boolean): string[] => {
    let claims: Claims
    try {
      claims = verifyJwt(r.token, { jwks: opts.oidc.jwks, issuer: opts.oidc.issuer, audience: 'sigstore' })
    } catch (err) {
      throw new FulcioRequestError(
        `There was an error processing the identity token: ${(err as Error).message}`
      )
    }
    let spki: Buffer
    if (r.csr) {
      try {
        spki = parseCsr(r.csr).spki
      } catch (err) {
        throw new FulcioRequestError(
          `The certificate signing request could not be parsed: ${(err as Error).message}`
        )
      }
    } else {
      if (!r.publicKeyContent) throw new FulcioRequestError('public key not provided')
      const key = keyFrom(r.publicKeyContent)
      checkProof(key, r.proof, claims)
      spki = key.export({ type: 'spki', format: 'der' })
    }
    if (!claims.job_workflow_ref)
      throw new FulcioRequestError('token has no job_workflow_ref claim for the SAN')
    const leaf = issueGithubLeaf({
      claims,
      subjectSpki: spki,
      issuer: opts.ca.intermediate,
      ...(withSct ? { ctLog: opts.ctLog } : {})
    })
    return [leaf.pem, ...chainPems]
  }

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Under /no-ct the same CA issues without SCTs: a private Fulcio that has no CT log.
    const raw = pathOf(req).path
    const withSct = !raw.startsWith(NO_CT_PREFIX)
    const path = withSct ? raw : raw.slice(NO_CT_PREFIX.length)
    try {
      if (req.method === 'POST' && path === '/api/v2/signingCert') {
        const body: unknown = JSON.parse((await readBody(req)).toString('utf8'))
        const content = field(body, 'publicKeyRequest', 'publicKey', 'content')
        const certificates = issue(
          {
            token: String(field(body, 'credentials', 'oidcIdentityToken') ?? '') || bearer(req),
            publicKeyContent: typeof content === 'string' ? Buffer.from(content, 'utf8') : undefined,
            proof: b64(field(body, 'publicKeyRequest', 'proofOfPossession')),
            csr: csrDer(field(body, 'certificateSigningRequest'))
          },
          withSct
        )
        return sendJson(res, 200, { signedCertificateEmbeddedSct: { chain: { certificates } } })
      }
      if (req.method === 'POST' && path === '/api/v1/signingCert') {
        const body: unknown = JSON.parse((await readBody(req)).toString('utf8'))
        const certificates = issue(
          {
            token: bearer(req),
            publicKeyContent: b64(field(body, 'publicKey', 'content')),
            proof: b64(field(body, 'signedEmailAddress')),
            csr: csrDer(field(body, 'certificateSigningRequest'))
          },
          withSct
        )
        res.writeHead(201, { 'content-type': 'application/pem-certificate-chain' })
        res.end(certificates.map(c => c.trim()).join('\n'))
        return
      }
      if (req.method === 'GET' && path === '/api/v2/trustBundle') {
        return sendJson(res, 200, { chains: [{ certificates: chainPems }] })
      }
      if (req.method === 'GET' && path === '/api/v1/rootCert') {
        res.writeHead(200, { 'content-type': 'application/pem-certificate-chain' })
        res.end(chainPems.map(c => c.trim()).join('\n'))
        return
      }
      if (req.method === 'GET' && path === '/api/v2/configuration') {
        return sendJson(res, 200, {
          issuers: [{ issuerUrl: opts.oidc.issuer, audience: 'sigstore', challengeClaim: 'sub' }]
        })
      }
      sendError(res, 404, `no route ${req.method} ${path}`)
    } catch (err) {
      if (err instanceof FulcioRequestError || err instanceof SyntaxError)
        return sendError(res, 400, err.message)
      throw err
    }
  }
  return listen(handler, opts.host)
}
