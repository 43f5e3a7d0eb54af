import { describe, expect, it } from '@jest/globals'
import { MerkleTree, leafHash, rootFromInclusionProof } from '../bed/sigstore/merkle.js'

// The RFC 6962 test vectors used by certificate-transparency-go and Trillian.
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f'
].map(h => Buffer.from(h, 'hex'))
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'
]

function tree(): MerkleTree {
  const t = new MerkleTree()
  for (const leaf of LEAVES) t.append(leafHash(leaf))
  return t
}
const hex = (bs: Buffer[]) => bs.map(b => b.toString('hex'))

describe('MerkleTree (RFC 6962)', () => {
  it('hashes the empty tree as sha256 of nothing', () => {
    expect(new MerkleTree().root().toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    )
  })

  it('computes the reference root for every prefix of the vector leaves', () => {
    const t = tree()
    ROOTS.forEach((root, i) => expect(t.root(i + 1).toString('hex')).toBe(root))
  })

  it('produces the reference inclusion proofs', () => {
    const t = tree()
    expect(hex(t.inclusionProof(0, 8))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'
    ])
    expect(hex(t.inclusionProof(5, 8))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'
    ])
    expect(hex(t.inclusionProof(2, 3))).toEqual([
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'
    ])
    expect(hex(t.inclusionProof(1, 5))).toEqual([
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'
    ])
  })

  it('produces the reference consistency proofs', () => {
    const t = tree()
    expect(hex(t.consistencyProof(1, 8))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'
    ])
    expect(hex(t.consistencyProof(6, 8))).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'
    ])
    expect(hex(t.consistencyProof(2, 5))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'
    ])
    expect(t.consistencyProof(8, 8)).toEqual([])
  })

  it('gives proofs that a client recomputes to the root, for every leaf of trees up to 40', () => {
    const t = new MerkleTree()
    for (let n = 1; n <= 40; n++) {
      t.append(leafHash(Buffer.from(`leaf ${n}`)))
      for (let i = 0; i < n; i++) {
        const root = rootFromInclusionProof(i, n, t.leafAt(i), t.inclusionProof(i, n))
        expect(root.equals(t.root(n))).toBe(true)
      }
    }
  })

  it('rejects a proof for a different leaf', () => {
    const t = tree()
    const proof = t.inclusionProof(3, 8)
    expect(rootFromInclusionProof(3, 8, t.leafAt(4), proof).equals(t.root())).toBe(false)
  })
})
