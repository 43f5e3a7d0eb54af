// The bytes and annotations of cosign tag-layout layers, built from a signed bundle's material.
import type { TransparencyLogEntry } from '@sigstore/bundle'
import { toCosignRekorBundle } from '../sigstore/witness/tlog-entry.js'
import { ANNOTATION, DSSE_MEDIA_TYPE, SIMPLE_SIGNING_MEDIA_TYPE } from './cosign-layout.js'
import type { CosignLayer } from './cosign-layout.js'

/** cosign's simple-signing payload; these exact bytes are signed, logged and stored. */
export function simpleSigningPayload(dockerReference: string, digest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature'
      },
      optional: null
    })
  )
}

export interface LayerMaterial {
  certificatePem: string
  chainPem: string[]
  tlogEntry: TransparencyLogEntry
  rfc3161Timestamp?: Buffer
}

function materialAnnotations(m: LayerMaterial): Record<string, string> {
  const annotations: Record<string, string> = {
    [ANNOTATION.certificate]: m.certificatePem,
    [ANNOTATION.chain]: m.chainPem.join(''),
    [ANNOTATION.bundle]: toCosignRekorBundle(m.tlogEntry)
  }
  if (m.chainPem.length === 0) delete annotations[ANNOTATION.chain]
  if (m.rfc3161Timestamp) {
    annotations[ANNOTATION.timestamp] = JSON.stringify({
      SignedRFC3161Timestamp: m.rfc3161Timestamp.toString('base64')
    })
  }
  return annotations
}

export function signatureLayer(payload: Buffer, signature: Buffer, m: LayerMaterial): CosignLayer {
  return {
    mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
    bytes: payload,
    annotations: { [ANNOTATION.signature]: signature.toString('base64'), ...materialAnnotations(m) }
  }
}

/** `envelope` must be the byte-identical DSSE JSON that Rekor logged. */
export function attestationLayer(envelope: Buffer, predicateType: string, m: LayerMaterial): CosignLayer {
  return {
    mediaType: DSSE_MEDIA_TYPE,
    bytes: envelope,
    fresh: true, // the envelope carries this run's signature
    // cosign rejects an .att layer without the signature key, even though the signature lives in the envelope.
    annotations: {
      [ANNOTATION.signature]: '',
      ...materialAnnotations(m),
      [ANNOTATION.predicateType]: predicateType
    }
  }
}
