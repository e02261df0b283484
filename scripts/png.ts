// PNG for the app icons, on pngjs: encodes 8-bit RGBA, and decodes any PNG (every colour type, bit depth
// and interlacing pngjs reads) to RGBA, so the packager can check pixels. Signature and CRCs are checked.

import { PNG } from 'pngjs';

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

/** Encodes an RGBA image as a PNG (colour type 6, 8 bits, no interlace). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new PngError(`invalid image size ${width}×${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new PngError(`pixel data has ${data.length} bytes, expected ${width * height * 4}`);
  }
  const png = new PNG({ width, height, colorType: 6, bitDepth: 8, inputHasAlpha: true });
  png.data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return PNG.sync.write(png, { colorType: 6, bitDepth: 8, inputHasAlpha: true, deflateLevel: 9 });
}

/**
 * Decodes a PNG to RGBA. `hasAlpha` tells whether the file itself can express transparency (an alpha
 * channel or a tRNS chunk).
 */
export function decodePng(png: Uint8Array): RgbaImage & { header: PngHeader; hasAlpha: boolean } {
  const buffer = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buffer.length < 8 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE)) throw new PngError('not a PNG file (bad signature)');
  let decoded;
  try {
    decoded = PNG.sync.read(buffer);
  } catch (error) {
    throw new PngError(`cannot read the PNG: ${(error as Error).message}`);
  }
  const { width, height, depth, colorType, interlace, alpha, data } = decoded;
  const header: PngHeader = { width, height, bitDepth: depth, colorType, interlace: interlace ? 1 : 0 };
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), header, hasAlpha: alpha };
}

/** The size and format of a PNG (read by decoding it: the icons are small). */
export function readPngHeader(png: Uint8Array): PngHeader {
  return decodePng(png).header;
}
