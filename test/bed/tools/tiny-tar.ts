// A one-file ustar archive, enough for an image layer; avoids depending on a tar binary or package.
function field(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value, offset, length, 'ascii')
}

const octal = (n: number, width: number) => n.toString(8).padStart(width - 1, '0') + '\0'

export function tarWithOneFile(name: string, content: Buffer, mtimeSeconds = 0): Buffer {
  const header = Buffer.alloc(512)
  field(header, 0, 100, name)
  field(header, 100, 8, octal(0o644, 8))
  field(header, 108, 8, octal(0, 8))
  field(header, 116, 8, octal(0, 8))
  field(header, 124, 12, octal(content.length, 12))
  field(header, 136, 12, octal(mtimeSeconds, 12))
  field(header, 148, 8, '        ')
  field(header, 156, 1, '0')
  field(header, 257, 8, 'ustar\u000000')
  let sum = 0
  for (const byte of header) sum += byte
  field(header, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512)
  return Buffer.concat([header, content, padding, Buffer.alloc(1024)])
}
