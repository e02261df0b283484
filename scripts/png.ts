// A small PNG codec for the app icons: encodes 8-bit RGBA, reads the IHDR, and decodes the common
// non-interlaced 8-bit PNGs (grey, RGB, palette, grey+alpha, RGBA) so the packager can check pixels.
// Only node:zlib is used; chunks and CRCs are written here.

import { crc32, deflateSync, inflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An image as straight (not premultiplied) 8-bit RGBA, row by row, top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes: R, G, B, A. */
  data: Uint8Array;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  colorType: number;
  interlace: number;
}

export class PngError extends Error {
  override name = 'PngError';
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(4 + typeAndData.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData) >>> 0, 4 + typeAndData.length);
  return out;
}

/** Encodes an RGBA image as a PNG (colour type 6, 8 bits, no interlace, filter "none" on every row). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new PngError(`invalid image size ${width}×${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new PngError(`pixel data has ${data.length} bytes, expected ${width * height * 4}`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(data.buffer, data.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface RawChunk {
  type: string;
  data: Buffer;
}

function readChunks(png: Uint8Array): RawChunk[] {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new PngError('not a PNG file (bad signature)');
  }
  const chunks: RawChunk[] = [];
  let pos = 8;
  while (pos < buf.length) {
    if (pos + 8 > buf.length) throw new PngError('truncated PNG chunk header');
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const end = pos + 8 + length;
    if (end + 4 > buf.length) throw new PngError(`truncated PNG chunk ${type}`);
    const crc = buf.readUInt32BE(end);
    if ((crc32(buf.subarray(pos + 4, end)) >>> 0) !== crc) throw new PngError(`bad CRC in PNG chunk ${type}`);
    chunks.push({ type, data: buf.subarray(pos + 8, end) });
    pos = end + 4;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw new PngError('PNG does not start with an IHDR chunk');
  return chunks;
}

function parseIhdr(data: Buffer): PngHeader {
  if (data.length !== 13) throw new PngError(`IHDR has ${data.length} bytes, expected 13`);
  return {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8]!,
    colorType: data[9]!,
    interlace: data[12]!,
  };
}

/** Reads the size and format from the IHDR chunk (checks signature and CRCs on the way). */
export function readPngHeader(png: Uint8Array): PngHeader {
  return parseIhdr(readChunks(png)[0]!.data);
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * Decodes a non-interlaced 8-bit PNG of any colour type to RGBA.
 * `hasAlpha` tells whether the file itself can express transparency (alpha channel or tRNS).
 */
export function decodePng(png: Uint8Array): RgbaImage & { header: PngHeader; hasAlpha: boolean } {
  const chunks = readChunks(png);
  const header = parseIhdr(chunks[0]!.data);
  const { width, height, bitDepth, colorType, interlace } = header;
  const channels = CHANNELS[colorType];
  if (channels === undefined) throw new PngError(`unknown PNG colour type ${colorType}`);
  if (bitDepth !== 8) throw new PngError(`unsupported PNG bit depth ${bitDepth} (save it as 8-bit RGBA)`);
  if (interlace !== 0) throw new PngError('interlaced PNGs are not supported (save it without interlacing)');
  if (width < 1 || height < 1) throw new PngError(`invalid PNG size ${width}×${height}`);

  const palette = chunks.find((c) => c.type === 'PLTE')?.data;
  const trns = chunks.find((c) => c.type === 'tRNS')?.data;
  if (colorType === 3 && palette === undefined) throw new PngError('palette PNG without a PLTE chunk');
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  let raw: Buffer;
  try {
    raw = inflateSync(idat);
  } catch (e) {
    throw new PngError(`cannot inflate PNG image data: ${(e as Error).message}`);
  }
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new PngError('PNG image data is shorter than its size says');

  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const cur = raw[src + x]!;
      const a = x >= channels ? pixels[dst + x - channels]! : 0;
      const b = y > 0 ? pixels[dst - stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[dst - stride + x - channels]! : 0;
      let v: number;
      switch (filter) {
        case 0: v = cur; break;
        case 1: v = cur + a; break;
        case 2: v = cur + b; break;
        case 3: v = cur + ((a + b) >> 1); break;
        case 4: v = cur + paeth(a, b, c); break;
        default: throw new PngError(`unknown PNG filter type ${filter} on row ${y}`);
      }
      pixels[dst + x] = v & 0xff;
    }
  }

  const data = new Uint8Array(width * height * 4);
  const trnsGrey = colorType === 0 && trns && trns.length >= 2 ? trns.readUInt16BE(0) : -1;
  const trnsRgb = colorType === 2 && trns && trns.length >= 6 ? [trns.readUInt16BE(0), trns.readUInt16BE(2), trns.readUInt16BE(4)] : null;
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    let r: number, g: number, b: number, alpha = 255;
    switch (colorType) {
      case 0: r = g = b = pixels[p]!; if (r === trnsGrey) alpha = 0; break;
      case 2:
        r = pixels[p]!; g = pixels[p + 1]!; b = pixels[p + 2]!;
        if (trnsRgb && r === trnsRgb[0] && g === trnsRgb[1] && b === trnsRgb[2]) alpha = 0;
        break;
      case 3: {
        const idx = pixels[p]!;
        if (idx * 3 + 2 >= palette!.length) throw new PngError(`palette index ${idx} out of range`);
        r = palette![idx * 3]!; g = palette![idx * 3 + 1]!; b = palette![idx * 3 + 2]!;
        if (trns && idx < trns.length) alpha = trns[idx]!;
        break;
      }
      case 4: r = g = b = pixels[p]!; alpha = pixels[p + 1]!; break;
      default: r = pixels[p]!; g = pixels[p + 1]!; b = pixels[p + 2]!; alpha = pixels[p + 3]!; break;
    }
    data.set([r, g, b, alpha], i * 4);
  }
  const hasAlpha = colorType === 4 || colorType === 6 || trns !== undefined;
  return { width, height, data, header, hasAlpha };
}
