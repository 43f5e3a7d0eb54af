// Signs what the pipeline publishes: DSSE statements (v0.3 bundles, `dsse` entries) and cosign's
// simple-signing payload (`hashedrekord`), every signature logged in Rekor before it is returned.
import { DSSEBundleBuilder } from '@sigstore/sign'
import type { Witness } from '@sigstore/sign'
import { bundleToJSON, toMessageSignatureBundle } from '@sigstore/bundle'
import type { Bundle, TransparencyLogEntry } from '@sigstore/bundle'
import { createHash, X509Certificate } from 'node:crypto'
import type { EphemeralSigner } from './signer/ephemeral-signer.js'
import { OrderedWitness } from './witness/ordered-witness.js'
import { envelopeBytes } from './witness/rekor-witness.js'

export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'

export interface SignedMaterial {
  certificatePem: string
  chainPem: string[]
  tlogEntry: TransparencyLogEntry
  rfc3161Timestamp?: Buffer
}

export interface SignedStatement extends SignedMaterial {
  bundle: Bundle
  /** Serialised v0.3 bundle, as pushed and written to files. */
  bundleJson: Buffer
  /** The DSSE envelope bytes that Rekor logged; the `.att` layer stores exactly these. */
  envelope: Buffer
}

export interface SignedPayload extends SignedMaterial {
  signature: Buffer
  /** The v0.2 message-signature bundle, so the signature is verified before its layer is pushed. */
  bundle: Bundle
}

const pemOf = (der: Buffer): string => new X509Certificate(der).toString()

export class ArtifactSigner {
  readonly signer: EphemeralSigner
  readonly #witness: OrderedWitness

  /** Witnesses run in the order given (sigstore-js would run them at once): put Rekor last, so a signature
   * another witness refused is never made public. */
  constructor(opts: { signer: EphemeralSigner; witnesses: Witness[] }) {
    this.signer = opts.signer
    this.#witness = new OrderedWitness(opts.witnesses)
  }

  async signStatement(statement: Buffer): Promise<SignedStatement> {
    const builder = new DSSEBundleBuilder({ signer: this.signer, witnesses: [this.#witness] })
    const bundle = await builder.create({ data: statement, type: INTOTO_PAYLOAD_TYPE })
    if (bundle.content.$case !== 'dsseEnvelope') throw new Error('DSSE bundle builder produced no envelope')
    const vm = bundle.verificationMaterial.content
    const leafDer = vm?.$case === 'certificate' ? vm.certificate.rawBytes : undefined
    if (!leafDer) throw new Error('DSSE bundle carries no certificate')
    const certificatePem = pemOf(leafDer)
    return {
      bundle,
      bundleJson: Buffer.from(JSON.stringify(bundleToJSON(bundle))),
      envelope: envelopeBytes(bundle.content.dsseEnvelope),
      ...material(bundle, certificatePem, this.signer.chainFor(certificatePem))
    }
  }

  async signPayload(payload: Buffer): Promise<SignedPayload> {
    const { signature, key } = await this.signer.sign(payload)
    if (key.$case !== 'x509Certificate') throw new Error('signer returned no certificate')
    const bundle = toMessageSignatureBundle({
      digest: createHash('sha256').update(payload).digest(),
      signature,
      certificate: new X509Certificate(key.certificate).raw,
      certificateChain: false
    })
    const witnessed = await this.#witness.testify(bundle.content, key.certificate)
    bundle.verificationMaterial.tlogEntries = witnessed.tlogEntries ?? []
    bundle.verificationMaterial.timestampVerificationData = {
      rfc3161Timestamps: witnessed.rfc3161Timestamps ?? []
    }
    return { signature, bundle, ...material(bundle, key.certificate, this.signer.chainFor(key.certificate)) }
  }
}

function material(bundle: Bundle, certificatePem: string, chainPem: string[]): SignedMaterial {
  const tlogEntry = bundle.verificationMaterial.tlogEntries[0]
  if (!tlogEntry) throw new Error('no transparency log entry: configure a Rekor witness')
  const ts = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps[0]?.signedTimestamp
  return { certificatePem, chainPem, tlogEntry, ...(ts ? { rfc3161Timestamp: ts } : {}) }
}
