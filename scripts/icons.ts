// The app icons, drawn from a few vector shapes: a speech bubble with a heart (a question about mental
// health money, answered). Shapes are rasterised with supersampled anti-aliasing using only + − × ÷ and
// √, so the pixels are the same on every machine; `npm run icons` writes them to appPackage/.

import { encodePng, type RgbaImage } from './png.js';

/** Teams accent colour of the app (also the colour icon's background). Keep in sync with manifest.json. */
export const ACCENT_COLOR = '#136F63';
const HEART_COLOR = '#E8505B';
const WHITE = '#FFFFFF';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** A shape in unit coordinates: (0,0) top left, (1,1) bottom right. */
type Shape = (x: number, y: number) => boolean;
type Point = readonly [number, number];

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = x < x0 + r ? x0 + r - x : x > x1 - r ? x - (x1 - r) : 0;
    const dy = y < y0 + r ? y0 + r - y : y > y1 - r ? y - (y1 - r) : 0;
    return dx * dx + dy * dy <= r * r;
  };
}

/** Inside test for a simple polygon (even–odd rule). */
function polygon(points: readonly Point[]): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));

/** The point where a line from `from` touches the circle (c, r); `side` picks one of the two tangents. */
function tangentPoint(from: Point, c: Point, r: number, side: 1 | -1): Point {
  const vx = from[0] - c[0];
  const vy = from[1] - c[1];
  const d2 = vx * vx + vy * vy;
  const t = Math.sqrt(d2 - r * r);
  const k = (r * r) / d2;
  const m = (side * r * t) / d2;
  return [c[0] + k * vx - m * vy, c[1] + k * vy + m * vx];
}

/** A heart of the given width centred on (cx, cy): two circles and the two tangents to its tip. */
function heart(cx: number, cy: number, width: number): Shape {
  const r = width * 0.29;
  const d = width * 0.21; // circle centres at cx ± d, so the lobes overlap and leave a notch on top
  const top = cy - width * 0.18;
  const tip: Point = [cx, cy + width * 0.5];
  const left: Point = [cx - d, top];
  const right: Point = [cx + d, top];
  const tl = tangentPoint(tip, left, r, 1);
  const tr = tangentPoint(tip, right, r, -1);
  return union(circle(left[0], left[1], r), circle(right[0], right[1], r), polygon([tl, tip, tr, [cx, top]]));
}

/** A speech bubble: a rounded body and a tail at the lower left. */
function speechBubble(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  const w = x1 - x0;
  const h = y1 - y0;
  const tail: Point[] = [
    [x0 + w * 0.2, y1 - h * 0.1],
    [x0 + w * 0.46, y1 - h * 0.1],
    [x0 + w * 0.14, y1 + h * 0.3],
  ];
  return union(roundedRect(x0, y0, x1, y1, radius), polygon(tail));
}

/** Fraction of each pixel covered by the shape, from n × n samples per pixel. */
function coverage(shape: Shape, size: number, n: number): Float64Array {
  const out = new Float64Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        const y = (py + (sy + 0.5) / n) / size;
        for (let sx = 0; sx < n; sx++) {
          if (shape((px + (sx + 0.5) / n) / size, y)) hits++;
        }
      }
      out[py * size + px] = hits / (n * n);
    }
  }
  return out;
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** Paints layers bottom to top with the "over" operator (straight alpha). */
function composite(size: number, layers: { color: string; cover: Float64Array }[]): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const base = hexToRgb(layers[0]!.color);
  for (let i = 0; i < size * size; i++) {
    let r = base[0], g = base[1], b = base[2], a = 0;
    for (const layer of layers) {
      const la = layer.cover[i]!;
      if (la === 0) continue;
      const [lr, lg, lb] = hexToRgb(layer.color);
      const oa = la + a * (1 - la);
      r = (lr * la + r * a * (1 - la)) / oa;
      g = (lg * la + g * a * (1 - la)) / oa;
      b = (lb * la + b * a * (1 - la)) / oa;
      a = oa;
    }
    data.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], i * 4);
  }
  return { width: size, height: size, data };
}

/**
 * 192×192 colour icon: white speech bubble with a coral heart on a full teal square. Teams rounds the corners
 * itself and asks for a square background to the edges (no rounded corners, no transparency).
 */
export function drawColorIcon(size = COLOR_ICON_SIZE): RgbaImage {
  const n = 8;
  return composite(size, [
    { color: ACCENT_COLOR, cover: new Float64Array(size * size).fill(1) },
    { color: WHITE, cover: coverage(speechBubble(0.2, 0.22, 0.8, 0.66, 0.11), size, n) },
    { color: HEART_COLOR, cover: coverage(heart(0.5, 0.43, 0.27), size, n) },
  ]);
}

/** 32×32 outline icon: a white speech bubble with the heart cut out, on transparent. Only white pixels. */
export function drawOutlineIcon(size = OUTLINE_ICON_SIZE): RgbaImage {
  const n = 16;
  const bubble = coverage(speechBubble(0.06, 0.1, 0.94, 0.7, 0.16), size, n);
  const hole = coverage(heart(0.5, 0.39, 0.4), size, n);
  const data = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    data.set([255, 255, 255, Math.round(bubble[i]! * (1 - hole[i]!) * 255)], i * 4);
  }
  return { width: size, height: size, data };
}

/** The two icon files as PNG bytes, exactly as `npm run icons` writes them. */
export function renderIcons(): { 'color.png': Buffer; 'outline.png': Buffer } {
  return { 'color.png': encodePng(drawColorIcon()), 'outline.png': encodePng(drawOutlineIcon()) };
}
