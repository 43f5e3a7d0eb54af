// X.509 certificates built from @peculiar ASN.1 classes and signed with node:crypto.
import { randomBytes, createHash, type KeyObject } from 'node:crypto'
import { AsnConvert, OctetString } from '@peculiar/asn1-schema'
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  KeyIdentifier,
  KeyUsage,
  Name,
  RelativeDistinguishedName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version
} from '@peculiar/asn1-x509'
import { generateEcKey as generateKey, pem, signSha256, type EcKey } from './keys.js'

export const OID_ECDSA_SHA256 = '1.2.840.10045.4.3.2'
const OID_CN = '2.5.4.3'
const OID_O = '2.5.4.10'

export interface IssuedCert {
  der: Buffer
  pem: string
  subject: Name
  ski: Buffer
  key: EcKey
}

export function name(commonName?: string, organization?: string): Name {
  const rdns: RelativeDistinguishedName[] = []
  const add = (type: string, value: string) =>
    rdns.push(
      new RelativeDistinguishedName([
        new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: value }) })
      ])
    )
  if (organization) add(OID_O, organization)
  if (commonName) add(OID_CN, commonName)
  return new Name(rdns)
}

export function extension(extnID: string, value: Buffer | ArrayBuffer, critical = false): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(value) })
}

export const encode = (value: unknown): Buffer => Buffer.from(AsnConvert.serialize(value))

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey bit string. */
export function keyIdentifier(spki: Buffer): Buffer {
  const info = AsnConvert.parse(spki, SubjectPublicKeyInfo)
  return createHash('sha1').update(Buffer.from(info.subjectPublicKey)).digest()
}

/** Positive, minimally encoded serial (Go re-encodes it when checking embedded SCTs). */
export function serialNumber(): Buffer {
  const serial = randomBytes(16)
  serial[0] = ((serial[0] ?? 1) & 0x7f) | 0x01
  return serial
}

export interface TbsSpec {
  subject: Name
  issuer: Name
  notBefore: Date
  notAfter: Date
  spki: Buffer
  extensions: Extension[]
  serial?: Buffer
}

export function buildTbs(spec: TbsSpec): TBSCertificate {
  return new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array(spec.serial ?? serialNumber()).buffer,
    signature: new AlgorithmIdentifier({ algorithm: OID_ECDSA_SHA256 }),
    issuer: spec.issuer,
    validity: new Validity({ notBefore: spec.notBefore, notAfter: spec.notAfter }),
    subject: spec.subject,
    subjectPublicKeyInfo: AsnConvert.parse(spec.spki, SubjectPublicKeyInfo),
    extensions: new Extensions(spec.extensions)
  })
}

export function signTbs(tbs: TBSCertificate, issuerKey: KeyObject): Buffer {
  const signature = signSha256(issuerKey, encode(tbs))
  const cert = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: OID_ECDSA_SHA256 }),
    signatureValue: new Uint8Array(signature).buffer
  })
  return encode(cert)
}

export interface CaSpec {
  commonName: string
  organization: string
  key: EcKey
  issuer?: IssuedCert
  pathLen: number
  /** EKUs an intermediate carries, so Go's chain building accepts leaves with them. */
  extKeyUsage?: string[]
  notBefore: Date
  notAfter: Date
}

export function issueCa(spec: CaSpec): IssuedCert {
  const subject = name(spec.commonName, spec.organization)
  const ski = keyIdentifier(spec.key.spki)
  const exts = [
    extension('2.5.29.15', encode(new KeyUsage(32 | 64)), true), // keyCertSign | cRLSign
    extension('2.5.29.19', encode(new BasicConstraints({ cA: true, pathLenConstraint: spec.pathLen })), true),
    extension('2.5.29.14', encode(new SubjectKeyIdentifier(ski)))
  ]
  if (spec.issuer) {
    exts.push(
      extension(
        '2.5.29.35',
        encode(new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(spec.issuer.ski) }))
      )
    )
  }
  if (spec.extKeyUsage) exts.push(extension('2.5.29.37', encode(new ExtendedKeyUsage(spec.extKeyUsage))))
  const tbs = buildTbs({
    subject,
    issuer: spec.issuer?.subject ?? subject,
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
    spki: spec.key.spki,
    extensions: exts
  })
  const der = signTbs(tbs, (spec.issuer?.key ?? spec.key).privateKey)
  return { der, pem: pem('CERTIFICATE', der), subject, ski, key: spec.key }
}

export interface CaChain {
  root: IssuedCert
  intermediate: IssuedCert
}

/** A root → intermediate pair valid from an hour ago for ten years, like Sigstore's CAs. */
export function createCaChain(
  label: string,
  extKeyUsage: string[],
  now = new Date(),
  organization = 'oci-attest test bed'
): CaChain {
  const notBefore = new Date(now.getTime() - 3600_000)
  const notAfter = new Date(now.getTime() + 10 * 365 * 86400_000)
  const root = issueCa({
    commonName: label,
    organization,
    key: generateKey(),
    pathLen: 1,
    notBefore,
    notAfter
  })
  const intermediate = issueCa({
    commonName: `${label}-intermediate`,
    organization,
    key: generateKey(),
    issuer: root,
    pathLen: 0,
    extKeyUsage,
    notBefore,
    notAfter
  })
  return { root, intermediate }
}
