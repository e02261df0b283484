import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR, checkIcons, decodePng, encodePng, PNG_SIGNATURE, PngError, readPngHeader, type RgbaImage } from '../../scripts/app-package.js';
import { drawColorIcon, drawOutlineIcon, renderIcons } from '../../scripts/icons.js';

const committed = {
  color: readFileSync(join(APP_PACKAGE_DIR, 'color.png')),
  outline: readFileSync(join(APP_PACKAGE_DIR, 'outline.png')),
};

function solid(width: number, height: number, rgba: [number, number, number, number]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set(rgba, i * 4);
  return { width, height, data };
}

describe('committed icons', () => {
  it('have the sizes Teams requires: color 192×192, outline 32×32', () => {
    expect(readPngHeader(committed.color)).toMatchObject({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
    expect(readPngHeader(committed.outline)).toMatchObject({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
  });

  it('outline.png is white on transparent: every visible pixel is pure white, the background is transparent', () => {
    const { data, width, height } = decodePng(committed.outline);
    let visible = 0;
    let opaque = 0;
    for (let i = 0; i < width * height; i++) {
      const [r, g, b, a] = data.subarray(i * 4, i * 4 + 4);
      if (a! > 0) {
        visible++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
      if (a === 255) opaque++;
    }
    expect(visible).toBeGreaterThan(width * height * 0.3);
    expect(opaque).toBeGreaterThan(width * height * 0.2);
    expect(visible).toBeLessThan(width * height);
    for (const i of [0, width - 1, (height - 1) * width, width * height - 1]) expect(data[i * 4 + 3]).toBe(0);
  });

  it('color.png is in full colour with anti-aliased edges', () => {
    const { data } = decodePng(committed.color);
    const colours = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      const colour = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      colours.set(colour, (colours.get(colour) ?? 0) + 1);
    }
    expect(colours.size).toBeGreaterThan(20);
    // Anti-aliased: the shapes' edges blend into the background (colours other than the three of the design).
    const pure = ['19,111,99', '255,255,255', '232,80,91'];
    expect([...colours].filter(([colour]) => !pure.includes(colour)).reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(100);
    // the centre of the heart is coral, the middle of the left edge is the accent colour
    const px = (x: number, y: number): number[] => [...data.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4)];
    expect(px(96, 84)).toEqual([0xe8, 0x50, 0x5b, 255]);
    expect(px(4, 96)).toEqual([0x13, 0x6f, 0x63, 255]);
  });

  it('color.png is a full square: opaque to every edge, the accent colour in every corner (Teams rounds it itself)', () => {
    const { data, width, height } = decodePng(committed.color);
    for (let i = 3; i < data.length; i += 4) expect(data[i]).toBe(255);
    for (const [x, y] of [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1]] as const) {
      expect([...data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)]).toEqual([0x13, 0x6f, 0x63, 255]);
    }
  });

  it('pass the package check', () => {
    expect(checkIcons(committed)).toEqual([]);
  });

  it('are exactly what scripts/make-icons.ts draws now (run npm run icons after changing the design)', () => {
    const generated = renderIcons();
    for (const [name, png] of [['color.png', committed.color], ['outline.png', committed.outline]] as const) {
      const now = decodePng(generated[name]);
      const saved = decodePng(png);
      expect(saved.header, name).toEqual(now.header);
      // Pixels, not bytes: another zlib may compress the same pixels differently.
      expect(Buffer.from(saved.data).equals(Buffer.from(now.data)), `${name} differs from the design`).toBe(true);
    }
  });

  it('are drawn deterministically', () => {
    expect(Buffer.from(drawColorIcon().data).equals(Buffer.from(drawColorIcon().data))).toBe(true);
    expect(Buffer.from(drawOutlineIcon().data).equals(Buffer.from(drawOutlineIcon().data))).toBe(true);
  });
});

describe('icon check', () => {
  const outline = drawOutlineIcon();
  const good = { color: encodePng(drawColorIcon()), outline: encodePng(outline) };

  it('rejects wrong sizes', () => {
    const problems = checkIcons({ color: encodePng(solid(96, 96, [19, 111, 99, 255])), outline: encodePng(solid(48, 48, [255, 255, 255, 0])) });
    expect(problems).toContain('color.png: is 96×96, the color icon must be 192×192');
    expect(problems).toContain('outline.png: is 48×48, the outline icon must be 32×32');
  });

  it('rejects a coloured pixel in the outline icon', () => {
    const data = Uint8Array.from(outline.data);
    const i = data.findIndex((v, k) => k % 4 === 3 && v === 255) - 3;
    data.set([200, 30, 30, 255], i);
    const x = (i / 4) % 32;
    const y = Math.floor(i / 4 / 32);
    expect(checkIcons({ ...good, outline: encodePng({ width: 32, height: 32, data }) })).toEqual([
      `outline.png: 1 visible pixels are not white (first at x=${x}, y=${y}: rgba(200, 30, 30, 255)); the outline icon must be white on a transparent background`,
    ]);
  });

  it('rejects an outline icon with an opaque background', () => {
    expect(checkIcons({ ...good, outline: encodePng(solid(32, 32, [255, 255, 255, 255])) })).toEqual([
      'outline.png: the background is not transparent (a corner pixel is visible); the outline icon must be white on a transparent background',
    ]);
  });

  it('rejects an outline icon without transparency, and a file that is not a PNG', () => {
    // an RGB (colour type 2) PNG, white everywhere
    const ihdr = Buffer.from([0, 0, 0, 32, 0, 0, 0, 32, 8, 2, 0, 0, 0]);
    const raw = Buffer.alloc((32 * 3 + 1) * 32, 255);
    for (let y = 0; y < 32; y++) raw[y * (32 * 3 + 1)] = 0;
    const rgb = pngFromChunks([['IHDR', ihdr], ['IDAT', deflateSync(raw)], ['IEND', Buffer.alloc(0)]]);
    expect(checkIcons({ ...good, outline: rgb })).toEqual([
      'outline.png: has no transparency (PNG colour type 2); the outline icon must be white on a transparent background',
    ]);
    expect(checkIcons({ ...good, color: Buffer.from('GIF89a') })).toEqual(['color.png: not a PNG file (bad signature)']);
  });
});

/** A PNG written chunk by chunk here, independently of encodePng. */
function pngFromChunks(chunks: [string, Buffer][]): Buffer {
  const parts = [PNG_SIGNATURE];
  for (const [type, data] of chunks) {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    parts.push(len, body, crc);
  }
  return Buffer.concat(parts);
}

describe('PNG codec', () => {
  it('round-trips RGBA', () => {
    const img = drawOutlineIcon();
    const back = decodePng(encodePng(img));
    expect(back.hasAlpha).toBe(true);
    expect(Buffer.from(back.data).equals(Buffer.from(img.data))).toBe(true);
  });

  it('decodes all five row filters', () => {
    const img = drawColorIcon(24);
    const stride = img.width * 4;
    const raw = Buffer.alloc((stride + 1) * img.height);
    const px = (x: number, y: number): number => (x < 0 || y < 0 ? 0 : img.data[y * stride + x]!);
    for (let y = 0; y < img.height; y++) {
      const filter = y % 5;
      raw[y * (stride + 1)] = filter;
      for (let x = 0; x < stride; x++) {
        const a = px(x - 4, y);
        const b = px(x, y - 1);
        const c = px(x - 4, y - 1);
        const p = a + b - c;
        const pred = [0, a, b, (a + b) >> 1, Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c][filter]!;
        raw[y * (stride + 1) + 1 + x] = (px(x, y) - pred) & 0xff;
      }
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(img.width, 0);
    ihdr.writeUInt32BE(img.height, 4);
    ihdr.set([8, 6, 0, 0, 0], 8);
    const png = pngFromChunks([['IHDR', ihdr], ['IDAT', deflateSync(raw)], ['IEND', Buffer.alloc(0)]]);
    expect(Buffer.from(decodePng(png).data).equals(Buffer.from(img.data))).toBe(true);
  });

  it('rejects a corrupted chunk', () => {
    const png = Buffer.from(encodePng(drawOutlineIcon()));
    png[20] = png[20]! ^ 0xff; // inside IHDR
    expect(() => decodePng(png)).toThrow(PngError);
    // Only the IHDR's checksum changed, its data intact: rejected all the same.
    const badCrc = Buffer.from(encodePng(drawOutlineIcon()));
    badCrc[29] = badCrc[29]! ^ 0xff;
    expect(() => decodePng(badCrc)).toThrow(PngError);
  });
});
