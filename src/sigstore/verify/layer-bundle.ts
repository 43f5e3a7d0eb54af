// Rebuilds a v0.1 bundle from a cosign tag-layout layer so the same verifier checks both formats.
import { bundleFromJSON } from '@sigstore/bundle'
import type { Bundle } from '@sigstore/bundle'
import { X509Certificate } from 'node:crypto'
import { createHash } from 'node:crypto'

const BUNDLE_V01 = 'application/vnd.dev.sigstore.bundle+json;version=0.1'

interface CosignRekorBundle {
  SignedEntryTimestamp: string
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string }
}

function pemBlocks(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []
}

export function bundleFromLayer(
  layerBytes: Buffer,
  annotations: Record<string, string>,
  kind: 'sig' | 'att'
): Bundle {
  const certificate = annotations['dev.sigstore.cosign/certificate']
  const rekor = annotations['dev.sigstore.cosign/bundle']
  if (!certificate || !rekor) throw new Error('layer lacks the certificate or Rekor bundle annotation')
  const set = JSON.parse(rekor) as CosignRekorBundle
  const body = JSON.parse(Buffer.from(set.Payload.body, 'base64').toString('utf8')) as {
    kind: string
    apiVersion: string
  }
  const certificates = [
    ...pemBlocks(certificate),
    ...pemBlocks(annotations['dev.sigstore.cosign/chain'] ?? '')
  ].map(pem => ({ rawBytes: new X509Certificate(pem).raw.toString('base64') }))
  const ts = annotations['dev.sigstore.cosign/rfc3161timestamp']
  const verificationMaterial = {
    x509CertificateChain: { certificates },
    tlogEntries: [
      {
        logIndex: String(set.Payload.logIndex),
        logId: { keyId: Buffer.from(set.Payload.logID, 'hex').toString('base64') },
        kindVersion: { kind: body.kind, version: body.apiVersion },
        integratedTime: String(set.Payload.integratedTime),
        inclusionPromise: { signedEntryTimestamp: set.SignedEntryTimestamp },
        canonicalizedBody: set.Payload.body
      }
    ],
    timestampVerificationData: {
      rfc3161Timestamps: ts
        ? [{ signedTimestamp: (JSON.parse(ts) as { SignedRFC3161Timestamp: string }).SignedRFC3161Timestamp }]
        : []
    }
  }
  if (kind === 'att') {
    return bundleFromJSON({
      mediaType: BUNDLE_V01,
      verificationMaterial,
      dsseEnvelope: JSON.parse(layerBytes.toString('utf8'))
    })
  }
  return bundleFromJSON({
    mediaType: BUNDLE_V01,
    verificationMaterial,
    messageSignature: {
      messageDigest: {
        algorithm: 'SHA2_256',
        digest: createHash('sha256').update(layerBytes).digest('base64')
      },
      signature: annotations['dev.cosignproject.cosign/signature'] ?? ''
    }
  })
}
