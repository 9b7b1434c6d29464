import { constants, crc32, createDeflateRaw } from 'node:zlib'

const cache = new Map<string, Promise<Buffer>>()
const MB = 1024 * 1024

/**
 * A valid ZIP holding one CSV that expands to `expandedMb` megabytes while
 * the ZIP itself stays near 1/170 of that (fast deflate): a fault for
 * testing that the client refuses result files that would not fit in
 * memory. Built by streaming through deflate, so LocalCRM never holds the
 * expanded text.
 */
export function zipBomb(csvName: string, expandedMb: number): Promise<Buffer> {
  const size = Math.min(Math.max(1, Math.floor(expandedMb)), 2048)
  const key = `${size}|${csvName}`
  let bomb = cache.get(key)
  if (!bomb) {
    bomb = build(size).then((d) => wrap(csvName, d.data, d.crc, d.size))
    cache.set(key, bomb)
  }
  return bomb
}

const HEADER = 'Email,Last_Name,First_Name,STATUS,RECORD_ID,ERRORS\n'
const ROW = 'a@b.example,Doe,Ann,SKIPPED,,INVALID_DATA-Email\n'

async function build(megabytes: number) {
  const header = Buffer.from(HEADER)
  const block = Buffer.alloc(ROW.length * Math.floor(MB / ROW.length), ROW)
  const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve)
    deflate.on('error', reject)
  })

  let crc = crc32(header)
  let size = header.length
  deflate.write(header)
  for (let i = 0; i < megabytes; i += 1) {
    crc = crc32(block, crc)
    size += block.length
    if (!deflate.write(block)) {
      await new Promise((resolve) => deflate.once('drain', resolve))
    }
  }
  deflate.end()
  await done
  return { data: Buffer.concat(out), crc, size }
}

/** Local header + data + central directory + end record, one entry. */
function wrap(name: string, data: Buffer, crc: number, size: number): Buffer {
  const nameBytes = Buffer.from(name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt16LE(0x21, 12)
  local.writeUInt32LE(crc >>> 0, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(size, 22)
  local.writeUInt16LE(nameBytes.length, 26)

  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt16LE(0x21, 14)
  central.writeUInt32LE(crc >>> 0, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(size, 24)
  central.writeUInt16LE(nameBytes.length, 28)

  const centralOffset = local.length + nameBytes.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + nameBytes.length, 12)
  end.writeUInt32LE(centralOffset, 16)
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end])
}
