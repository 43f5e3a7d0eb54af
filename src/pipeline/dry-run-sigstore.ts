// An in-process stand-in for Fulcio and Rekor in dry runs: the real signer and witness code run, no request leaves.
import { X509Certificate, createHash, generateKeyPairSync, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { Readable } from 'node:stream'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import type { HttpResponse, RequestInit } from '../http/index.js'
import type { Http } from '../http/index.js'
import { DRY_RUN_MARK, DryRunCertificateAuthority } from './dry-run-cert.js'

/** Base URLs the dry-run clients are built with; they are never resolved or contacted. */
export const DRY_RUN_FULCIO_URL = 'https://fulcio.dry-run.invalid'
export const DRY_RUN_REKOR_URL = 'https://rekor.dry-run.invalid'

function answer(url: string, status: number, value: unknown): HttpResponse {
  const text = JSON.stringify(value)
  return {
    status,
    headers: new Headers({ 'content-type': 'application/json' }),
    url,
    body: () => Readable.from([Buffer.from(text)]),
    chunks: () => Readable.from([Buffer.from(text)]),
    buffer: async () => Buffer.from(text),
    json: async <T>() => JSON.parse(text) as T,
    text: async () => text,
    discard: () => {}
  }
}

function bodyText(init: RequestInit | undefined): string {
  const body = init?.body
  if (typeof body === 'string') return body
  if (Buffer.isBuffer(body)) return body.toString('utf8')
  throw new Error('dry-run Sigstore stand-in only takes string or Buffer bodies')
}

/** Sorted-key JSON, as Rekor signs its entry timestamps over. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map(k => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value)
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

interface Proposed {
  kind?: string
  spec?: { proposedContent?: { envelope?: unknown; verifiers?: string[] } }
}

/** The body Rekor stores for a proposed entry: a DSSE proposal becomes hashes and signatures, as Rekor's does. */
function storedEntry(proposed: Proposed): unknown {
  const content = proposed.spec?.proposedContent
  if (proposed.kind !== 'dsse' || typeof content?.envelope !== 'string') return proposed
  const { envelope, verifiers = [] } = content
  const env = JSON.parse(envelope) as { payload: string; signatures: { sig: string }[] }
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(env.payload, 'base64')) },
      signatures: env.signatures.map(s => ({ signature: s.sig, verifier: verifiers[0] }))
    }
  }
}

export class DryRunSigstore implements Http {
  readonly ca: DryRunCertificateAuthority
  readonly #logKey: KeyObject
  readonly #logPublicKey: Buffer
  readonly #logId: string
  readonly #created = new Date()
  /** What would have been sent to the real services, counted for the report. */
  entries = 0

  constructor(identity: { san: string; issuer: string }) {
    this.ca = new DryRunCertificateAuthority(identity, this.#created)
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    this.#logKey = privateKey
    this.#logPublicKey = publicKey.export({ format: 'der', type: 'spki' })
    this.#logId = createHash('sha256').update(this.#logPublicKey).digest('hex')
  }

  /** Trust in this process's CA and log alone: what the dry run verifies its bundles against. */
  trustedRoot(): TrustedRoot {
    const root = new X509Certificate(this.ca.rootPem)
    const start = new Date(root.validFrom).toISOString()
    return TrustedRoot.fromJSON({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [
        {
          baseUrl: DRY_RUN_REKOR_URL,
          hashAlgorithm: 'SHA2_256',
          publicKey: {
            rawBytes: this.#logPublicKey.toString('base64'),
            keyDetails: 'PKIX_ECDSA_P256_SHA_256',
            validFor: { start }
          },
          logId: { keyId: Buffer.from(this.#logId, 'hex').toString('base64') }
        }
      ],
      certificateAuthorities: [
        {
          subject: { organization: 'oci-attest DRY RUN', commonName: `${DRY_RUN_MARK} (CA)` },
          uri: DRY_RUN_FULCIO_URL,
          certChain: { certificates: [{ rawBytes: root.raw.toString('base64') }] },
          validFor: { start, end: new Date(root.validTo).toISOString() }
        }
      ],
      ctlogs: [],
      timestampAuthorities: []
    })
  }

  async request(url: string | URL, init?: RequestInit): Promise<HttpResponse> {
    const href = String(url)
    if (href === `${DRY_RUN_FULCIO_URL}/api/v2/signingCert`) {
      const req = JSON.parse(bodyText(init)) as { publicKeyRequest: { publicKey: { content: string } } }
      const certificates = this.ca.issue(req.publicKeyRequest.publicKey.content)
      return answer(href, 201, { signedCertificateEmbeddedSct: { chain: { certificates } } })
    }
    if (href === `${DRY_RUN_REKOR_URL}/api/v1/log/entries` && init?.method === 'POST') {
      const body = Buffer.from(canonical(storedEntry(JSON.parse(bodyText(init))))).toString('base64')
      // Negative indexes: no real log has them, so a dry-run entry can never pass for a logged one.
      const logIndex = -1 - this.entries++
      const integratedTime = Math.floor(Date.now() / 1000)
      const set = sign(
        'sha256',
        Buffer.from(canonical({ body, integratedTime, logID: this.#logId, logIndex })),
        this.#logKey
      ).toString('base64')
      // A one-leaf tree per entry: the proof is real for that tree, and the tree is this process's alone.
      const rootHash = createHash('sha256')
        .update(Buffer.concat([Buffer.from([0]), Buffer.from(body, 'base64')]))
        .digest()
      const note = `dry-run.invalid - 0\n1\n${rootHash.toString('base64')}\n`
      const noteSig = Buffer.concat([
        Buffer.from(this.#logId.slice(0, 8), 'hex'),
        sign('sha256', Buffer.from(note), this.#logKey)
      ]).toString('base64')
      const inclusionProof = {
        checkpoint: `${note}\n\u2014 dry-run.invalid ${noteSig}\n`,
        hashes: [],
        logIndex: 0,
        rootHash: rootHash.toString('hex'),
        treeSize: 1
      }
      const uuid = createHash('sha256').update(body).digest('hex')
      return answer(href, 201, {
        [uuid]: {
          body,
          integratedTime,
          logID: this.#logId,
          logIndex,
          verification: { signedEntryTimestamp: set, inclusionProof }
        }
      })
    }
    throw new Error(`dry run: ${init?.method ?? 'GET'} ${href} has no stand-in (nothing leaves the process)`)
  }
}
