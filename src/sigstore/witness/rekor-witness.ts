// Logs signatures in Rekor v1 (sigstore-js Witness shape): hashedrekord for message signatures, dsse for envelopes.
import { envelopeToJSON } from '@sigstore/bundle'
import type { Envelope } from '@sigstore/bundle'
import type { SignatureBundle, VerificationMaterial, Witness } from '@sigstore/sign'
import { RekorClient } from './rekor-client.js'
import type { ProposedEntry } from './rekor-client.js'
import { toTransparencyLogEntry } from './tlog-entry.js'

/** The exact envelope bytes logged in Rekor; the `.att` layer must store these same bytes. */
export function envelopeBytes(envelope: Envelope): Buffer {
  return Buffer.from(JSON.stringify(envelopeToJSON(envelope)), 'utf8')
}

const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64')

export function proposedEntry(content: SignatureBundle, publicKeyPem: string): ProposedEntry {
  if (content.$case === 'dsseEnvelope') {
    return {
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        proposedContent: {
          envelope: envelopeBytes(content.dsseEnvelope).toString('utf8'),
          verifiers: [b64(publicKeyPem)]
        }
      }
    }
  }
  const { messageDigest, signature } = content.messageSignature
  return {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: {
        hash: { algorithm: 'sha256', value: Buffer.from(messageDigest?.digest ?? []).toString('hex') }
      },
      signature: { content: signature.toString('base64'), publicKey: { content: b64(publicKeyPem) } }
    }
  }
}

/** The session's transparency-log witness, whichever API version it speaks. */
export interface LogWitness extends Witness {
  readonly apiVersion: 1 | 2
  readonly entries: number
}

export class RekorWitness implements Witness {
  readonly client: RekorClient
  readonly apiVersion = 1
  /** Entries this witness created, for reports and benchmarks. */
  entries = 0

  constructor(opts: { client?: RekorClient; baseUrl?: string } = {}) {
    this.client = opts.client ?? new RekorClient({ baseUrl: opts.baseUrl })
  }

  async testify(content: SignatureBundle, publicKey: string): Promise<VerificationMaterial> {
    const entry = await this.client.createEntry(proposedEntry(content, publicKey))
    this.entries++
    return { tlogEntries: [toTransparencyLogEntry(entry)] }
  }
}
