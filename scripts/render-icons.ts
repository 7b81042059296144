/**
 * Draws Flowdesk's icon from one description into every file that needs it:
 * assets/icon.svg, assets/icon.png (1024 px, electron-builder makes .icns/.ico from it),
 * assets/tray-icon.png and tray-icon@2x.png, and renderer/public/favicon.svg.
 * Run `node scripts/render-icons.ts` after changing the drawing; the outputs are committed.
 * renderer/components/LogoMark.tsx draws the same shapes inline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
type Shape =
  | { kind: 'roundRect'; x: number; y: number; w: number; h: number; r: number }
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'segments'; points: [number, number][][]; width: number };
interface Layer {
  shape: Shape;
  fill: Rgba | { from: Rgba; to: Rgba };
}

const indigo: Rgba = [0x4f, 0x46, 0xe5, 1];
const teal: Rgba = [0x0d, 0x94, 0x88, 1];
const white: Rgba = [255, 255, 255, 1];

/** In a 512 × 512 box: a trigger (the ringed dot) branching to two steps. */
const layers: Layer[] = [
  { shape: { kind: 'roundRect', x: 32, y: 32, w: 448, h: 448, r: 104 }, fill: { from: indigo, to: teal } },
  {
    shape: {
      kind: 'segments',
      width: 28,
      points: [
        [[176, 256], [256, 256]],
        [[256, 168], [256, 344]],
        [[256, 168], [336, 168]],
        [[256, 344], [336, 344]],
      ],
    },
    fill: [255, 255, 255, 0.85],
  },
  { shape: { kind: 'circle', cx: 160, cy: 256, r: 56 }, fill: white },
  { shape: { kind: 'circle', cx: 160, cy: 256, r: 22 }, fill: indigo },
  { shape: { kind: 'roundRect', x: 300, y: 132, w: 104, h: 72, r: 20 }, fill: white },
  { shape: { kind: 'roundRect', x: 300, y: 308, w: 104, h: 72, r: 20 }, fill: white },
];

function inside(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
    case 'roundRect': {
      const dx = Math.max(shape.x + shape.r - x, 0, x - (shape.x + shape.w - shape.r));
      const dy = Math.max(shape.y + shape.r - y, 0, y - (shape.y + shape.h - shape.r));
      return dx * dx + dy * dy <= shape.r ** 2;
    }
    case 'segments':
      return shape.points.some(([a, b]) => segmentDistance(x, y, a ?? [0, 0], b ?? [0, 0]) <= shape.width / 2);
  }
}

function segmentDistance(x: number, y: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const lengthSq = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSq));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function colourAt(fill: Layer['fill'], x: number, y: number): Rgba {
  if (Array.isArray(fill)) return fill;
  const t = Math.max(0, Math.min(1, (x + y - 64) / (2 * 448)));
  return fill.from.map((c, i) => c + ((fill.to[i] ?? c) - c) * t) as Rgba;
}

/** Box-filtered supersampling: `samples`² points per pixel, layers painted over each other. */
function rasterize(size: number, samples: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          let [r, g, b, a] = [0, 0, 0, 0];
          for (const layer of layers) {
            if (!inside(layer.shape, x, y)) continue;
            const [lr, lg, lb, la] = colourAt(layer.fill, x, y);
            r = lr * la + r * (1 - la);
            g = lg * la + g * (1 - la);
            b = lb * la + b * (1 - la);
            a = la + a * (1 - la);
          }
          sum[0]! += r;
          sum[1]! += g;
          sum[2]! += b;
          sum[3]! += a;
        }
      }
      const n = samples * samples;
      const alpha = sum[3]! / n;
      const offset = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[offset + i] = alpha === 0 ? 0 : Math.round(sum[i]! / n / alpha);
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function encodePng(size: number, rgba: Buffer): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = ([r, g, b]: Rgba): string => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function toSvg(): string {
  const body = layers.map((layer, i) => {
    const fill = Array.isArray(layer.fill) ? hex(layer.fill) : `url(#g${i})`;
    const opacity = Array.isArray(layer.fill) && layer.fill[3] < 1 ? layer.fill[3] : null;
    const s = layer.shape;
    switch (s.kind) {
      case 'roundRect':
        return `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${fill}"/>`;
      case 'circle':
        return `  <circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${fill}"/>`;
      case 'segments': {
        const d = s.points.map(([a, b]) => `M${a?.join(' ')}L${b?.join(' ')}`).join('');
        const strokeOpacity = opacity === null ? '' : ` stroke-opacity="${opacity}"`;
        return `  <path d="${d}" fill="none" stroke="${fill}"${strokeOpacity} stroke-width="${s.width}" stroke-linecap="round"/>`;
      }
    }
  });
  const gradients = layers.flatMap((layer, i) =>
    Array.isArray(layer.fill)
      ? []
      : [
          `    <linearGradient id="g${i}" x1="0" y1="0" x2="1" y2="1">`,
          `      <stop offset="0" stop-color="${hex(layer.fill.from)}"/>`,
          `      <stop offset="1" stop-color="${hex(layer.fill.to)}"/>`,
          '    </linearGradient>',
        ],
  );
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">',
    '  <title>Flowdesk</title>',
    '  <defs>',
    ...gradients,
    '  </defs>',
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

const root = join(import.meta.dirname, '..');
function write(path: string, data: string | Buffer): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`wrote ${path}`);
}

const svg = toSvg();
write('assets/icon.svg', svg);
write('renderer/public/favicon.svg', svg);
write('assets/icon.png', encodePng(1024, rasterize(1024, 4)));
write('assets/tray-icon.png', encodePng(16, rasterize(16, 16)));
write('assets/tray-icon@2x.png', encodePng(32, rasterize(32, 16)));
