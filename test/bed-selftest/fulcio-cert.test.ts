import { describe, expect, it } from '@jest/globals'
import { X509Certificate } from 'node:crypto'
import { AsnConvert, OctetString } from '@peculiar/asn1-schema'
import { Certificate } from '@peculiar/asn1-x509'
import { issueGithubLeaf } from '../bed/sigstore/fulcio-cert.js'
import { generateEcKey, sha256 } from '../bed/sigstore/keys.js'
import { defaultClaims, GITHUB_ISSUER } from '../bed/sigstore/oidc.js'
import { verifyEmbeddedScts } from '../bed/sigstore/sct.js'
import { createCaChain } from '../bed/sigstore/x509.js'

const ca = createCaChain('fulcio', ['1.3.6.1.5.5.7.3.3'])
const ctKey = generateEcKey()
const ctLog = { privateKey: ctKey.privateKey, logId: sha256(ctKey.spki) }

function leafFor(overrides = {}) {
  const claims = defaultClaims(GITHUB_ISSUER, overrides)
  const subject = generateEcKey()
  return { claims, ...issueGithubLeaf({ claims, subjectSpki: subject.spki, issuer: ca.intermediate, ctLog }) }
}

function extensionsOf(der: Buffer): Map<string, { critical: boolean; value: Buffer }> {
  const cert = AsnConvert.parse(der, Certificate)
  return new Map(
    (cert.tbsCertificate.extensions ?? []).map(e => [
      e.extnID,
      { critical: e.critical, value: Buffer.from(e.extnValue.buffer) }
    ])
  )
}

const utf8Der = (s: string) => Buffer.concat([Buffer.from([0x0c, Buffer.byteLength(s)]), Buffer.from(s)])

describe('the Fulcio-shaped GitHub leaf', () => {
  it('chains leaf → intermediate → root and lives ten minutes', () => {
    const { der } = leafFor()
    const leaf = new X509Certificate(der)
    const intermediate = new X509Certificate(ca.intermediate.der)
    const root = new X509Certificate(ca.root.der)
    expect(leaf.verify(intermediate.publicKey)).toBe(true)
    expect(leaf.checkIssued(intermediate)).toBe(true)
    expect(intermediate.verify(root.publicKey)).toBe(true)
    expect(root.verify(root.publicKey)).toBe(true)
    expect(Date.parse(leaf.validTo) - Date.parse(leaf.validFrom)).toBe(600_000)
    expect(leaf.ca).toBe(false)
    expect(intermediate.ca).toBe(true)
  })

  it('names the job workflow in a critical URI SAN and marks the key for code signing only', () => {
    const { der, claims } = leafFor()
    const leaf = new X509Certificate(der)
    expect(leaf.subjectAltName).toBe(`URI:https://github.com/${String(claims.job_workflow_ref)}`)
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.3'])
    const exts = extensionsOf(der)
    expect(exts.get('2.5.29.17')?.critical).toBe(true)
    expect(exts.get('2.5.29.15')?.critical).toBe(true)
    expect(exts.get('2.5.29.15')?.value.toString('hex')).toBe('03020780') // digitalSignature only
  })

  it('carries the GitHub OIDs: 1.1-1.6 raw, 1.8-1.24 as DER UTF8String, per the Fulcio ci-provider template', () => {
    const { der } = leafFor({ environment: 'production' })
    const exts = extensionsOf(der)
    const raw = (n: number) => exts.get(`1.3.6.1.4.1.57264.1.${n}`)?.value.toString('utf8')
    const utf8 = (n: number) => exts.get(`1.3.6.1.4.1.57264.1.${n}`)?.value
    expect(raw(1)).toBe(GITHUB_ISSUER)
    expect(raw(2)).toBe('push')
    expect(raw(4)).toBe('Release')
    expect(raw(5)).toBe('nvidia/gpu-operator')
    expect(raw(6)).toBe('refs/tags/v1.2.3')
    expect(utf8(8)).toEqual(utf8Der(GITHUB_ISSUER))
    expect(utf8(9)).toEqual(
      utf8Der('https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3')
    )
    expect(utf8(11)).toEqual(utf8Der('github-hosted'))
    expect(utf8(12)).toEqual(utf8Der('https://github.com/nvidia/gpu-operator'))
    expect(utf8(14)).toEqual(utf8Der('refs/tags/v1.2.3'))
    expect(utf8(16)).toEqual(utf8Der('https://github.com/nvidia'))
    expect(utf8(20)).toEqual(utf8Der('push'))
    expect(utf8(21)).toEqual(
      utf8Der('https://github.com/nvidia/gpu-operator/actions/runs/11223344556/attempts/1')
    )
    expect(utf8(22)).toEqual(utf8Der('public'))
    expect(utf8(23)).toEqual(utf8Der('production'))
    expect(utf8(24)).toEqual(utf8Der('repo:nvidia/gpu-operator:environment:production'))
  })

  it('omits the deployment environment OID when the token has none', () => {
    expect(extensionsOf(leafFor().der).has('1.3.6.1.4.1.57264.1.23')).toBe(false)
  })

  it('embeds an SCT over the precertificate that verifies with the CT log key only', () => {
    const { der } = leafFor()
    const scts = verifyEmbeddedScts(der, ca.intermediate.key.spki, ctKey.publicKey)
    expect(scts).toHaveLength(1)
    expect(scts[0]?.logId).toEqual(sha256(ctKey.spki))
    expect(() => verifyEmbeddedScts(der, ca.intermediate.key.spki, generateEcKey().publicKey)).toThrow(
      /does not verify/
    )
    expect(() => verifyEmbeddedScts(der, ca.root.key.spki, ctKey.publicKey)).toThrow(/does not verify/)
  })

  it('has an SCT that no longer verifies once another extension changes', () => {
    const { der } = leafFor()
    const cert = AsnConvert.parse(der, Certificate)
    const ext = cert.tbsCertificate.extensions?.find(e => e.extnID === '1.3.6.1.4.1.57264.1.5')
    if (!ext) throw new Error('repository OID missing')
    ext.extnValue = new OctetString(Buffer.from('evil/fork'))
    const tampered = Buffer.from(AsnConvert.serialize(cert))
    expect(() => verifyEmbeddedScts(tampered, ca.intermediate.key.spki, ctKey.publicKey)).toThrow(
      /does not verify/
    )
  })
})
