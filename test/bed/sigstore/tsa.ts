// RFC 3161 timestamp authority: timestamp-query in, timestamp-reply out, chain root → intermediate → leaf.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { AsnConvert, OctetString } from '@peculiar/asn1-schema'
import {
  AlgorithmIdentifier,
  AuthorityKeyIdentifier,
  Certificate,
  ExtendedKeyUsage,
  KeyIdentifier,
  KeyUsage,
  SubjectKeyIdentifier
} from '@peculiar/asn1-x509'
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos
} from '@peculiar/asn1-cms'
import {
  MessageImprint,
  PKIStatus,
  PKIStatusInfo,
  TimeStampReq,
  TimeStampResp,
  TSTInfo
} from '@peculiar/asn1-tsp'
import { derOctetString, derTlv } from './der.js'
import { listen, pathOf, readBody, sendError, type RunningServer } from './http.js'
import { generateEcKey, pem, sha256, signSha256 } from './keys.js'
import {
  OID_ECDSA_SHA256,
  buildTbs,
  encode,
  extension,
  keyIdentifier,
  name,
  signTbs,
  type CaChain,
  type IssuedCert
} from './x509.js'

const OID_SHA256 = '2.16.840.1.101.3.4.2.1'
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2'
const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4'
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3'
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4'
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5'
const OID_SIGNING_CERT_V2 = '1.2.840.113549.1.9.16.2.47'
const TSA_POLICY = '1.3.6.1.4.1.57264.2'
const EKU_TIMESTAMPING = '1.3.6.1.5.5.7.3.8'

export function issueTsaLeaf(ca: CaChain, now = new Date()): IssuedCert {
  const key = generateEcKey()
  const subject = name('tsa', 'oci-attest test bed')
  const ski = keyIdentifier(key.spki)
  const tbs = buildTbs({
    subject,
    issuer: ca.intermediate.subject,
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + 5 * 365 * 86400_000),
    spki: key.spki,
    extensions: [
      extension('2.5.29.15', encode(new KeyUsage(1)), true),
      extension('2.5.29.37', encode(new ExtendedKeyUsage([EKU_TIMESTAMPING])), true),
      extension('2.5.29.14', encode(new SubjectKeyIdentifier(ski))),
      extension(
        '2.5.29.35',
        encode(new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(ca.intermediate.ski) }))
      )
    ]
  })
  const der = signTbs(tbs, ca.intermediate.key.privateKey)
  return { der, pem: pem('CERTIFICATE', der), subject, ski, key }
}

const sha256Alg = () => new AlgorithmIdentifier({ algorithm: OID_SHA256 })
const ab = (b: Buffer): ArrayBuffer => new Uint8Array(b).buffer

/** Signed attributes sorted as DER SET OF requires; the signature covers them re-tagged as SET. */
function signedAttributes(tstInfo: Buffer, leafDer: Buffer, now: Date): Attribute[] {
  const essCertIdV2 = derTlv(0x30, derTlv(0x30, derTlv(0x30, derOctetString(sha256(leafDer)))))
  const attrs = [
    new Attribute({ attrType: OID_CONTENT_TYPE, attrValues: [ab(oidDer(OID_TST_INFO))] }),
    new Attribute({ attrType: OID_SIGNING_TIME, attrValues: [ab(utcTime(now))] }),
    new Attribute({ attrType: OID_MESSAGE_DIGEST, attrValues: [ab(derOctetString(sha256(tstInfo)))] }),
    new Attribute({ attrType: OID_SIGNING_CERT_V2, attrValues: [ab(essCertIdV2)] })
  ]
  return attrs
    .map(a => ({ a, der: encode(a) }))
    .sort((x, y) => Buffer.compare(x.der, y.der))
    .map(x => x.a)
}

/** An OBJECT IDENTIFIER on its own, for the contentType attribute value. */
function oidDer(oid: string): Buffer {
  const parts = oid.split('.').map(Number)
  const bytes: number[] = [(parts[0] ?? 0) * 40 + (parts[1] ?? 0)]
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f]
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80)
    bytes.push(...chunk)
  }
  return derTlv(0x06, Buffer.from(bytes))
}

function utcTime(d: Date): Buffer {
  const s = d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'
  return derTlv(0x17, Buffer.from(s, 'ascii'))
}

export interface Tsa extends RunningServer {
  leaf: IssuedCert
}

export async function startTsa(opts: { host?: string; ca: CaChain }): Promise<Tsa> {
  const leaf = issueTsaLeaf(opts.ca)
  const leafCert = AsnConvert.parse(leaf.der, Certificate)
  const chain = [leaf, opts.ca.intermediate, opts.ca.root]

  const timestamp = (query: Buffer): Buffer => {
    const req = AsnConvert.parse(query, TimeStampReq)
    if (
      req.messageImprint.hashAlgorithm.algorithm !== OID_SHA256 &&
      !req.messageImprint.hashAlgorithm.algorithm.startsWith('2.16.840.1.101.3.4.2.')
    ) {
      throw new Error('unsupported hash algorithm in timestamp request')
    }
    const now = new Date(Math.floor(Date.now() / 1000) * 1000)
    const serial = randomBytes(16)
    serial[0] = ((serial[0] ?? 1) & 0x7f) | 1
    const tstInfo = encode(
      new TSTInfo({
        version: 1,
        policy: req.reqPolicy ?? TSA_POLICY,
        messageImprint: new MessageImprint({
          hashAlgorithm: req.messageImprint.hashAlgorithm,
          hashedMessage: req.messageImprint.hashedMessage
        }),
        serialNumber: ab(serial),
        genTime: now,
        ordering: false,
        ...(req.nonce ? { nonce: req.nonce } : {})
      })
    )
    const attrs = signedAttributes(tstInfo, leaf.der, now)
    const attrsSet = derTlv(0x31, Buffer.concat(attrs.map(a => encode(a))))
    const signerInfo = new SignerInfo({
      version: 1,
      sid: new SignerIdentifier({
        issuerAndSerialNumber: new IssuerAndSerialNumber({
          issuer: leafCert.tbsCertificate.issuer,
          serialNumber: leafCert.tbsCertificate.serialNumber
        })
      }),
      digestAlgorithm: sha256Alg(),
      signedAttrs: attrs,
      signatureAlgorithm: new AlgorithmIdentifier({ algorithm: OID_ECDSA_SHA256 }),
      signature: new OctetString(signSha256(leaf.key.privateKey, attrsSet))
    })
    const signedData = new SignedData({
      version: 3,
      digestAlgorithms: new DigestAlgorithmIdentifiers([sha256Alg()]),
      encapContentInfo: new EncapsulatedContentInfo({
        eContentType: OID_TST_INFO,
        eContent: new EncapsulatedContent({ single: new OctetString(tstInfo) })
      }),
      ...(req.certReq
        ? {
            certificates: new CertificateSet(
              // DER SET OF: members in ascending byte order (strict parsers such as sigstore-python's check it)
              chain
                .map(c => c.der)
                .sort(Buffer.compare)
                .map(der => new CertificateChoices({ certificate: AsnConvert.parse(der, Certificate) }))
            )
          }
        : {}),
      signerInfos: new SignerInfos([signerInfo])
    })
    const token = new ContentInfo({ contentType: OID_SIGNED_DATA, content: ab(encode(signedData)) })
    return encode(
      new TimeStampResp({ status: new PKIStatusInfo({ status: PKIStatus.granted }), timeStampToken: token })
    )
  }

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path } = pathOf(req)
    if (req.method === 'POST' && path === '/api/v1/timestamp') {
      let reply: Buffer
      try {
        reply = timestamp(await readBody(req))
      } catch (err) {
        return sendError(res, 400, `timestamp request could not be parsed: ${(err as Error).message}`)
      }
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' })
      res.end(reply)
      return
    }
    if (req.method === 'GET' && path === '/api/v1/timestamp/certchain') {
      res.writeHead(200, { 'content-type': 'application/pem-certificate-chain' })
      res.end(chain.map(c => c.pem).join(''))
      return
    }
    sendError(res, 404, `no route ${req.method} ${path}`)
  }
  const server = await listen(handler, opts.host)
  return { ...server, leaf }
}
