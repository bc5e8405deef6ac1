// Draws images/icon.png (256×256): an ini section's brackets around a process fork,
// the master that forks its workers. Run by hand when the design changes; the PNG is committed,
// so nothing here runs at build time. Pure node (zlib), no image tools needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SAMPLES = 4; // per axis, for anti-aliasing

// Signed distance helpers (negative inside).
const segment = (px, py, ax, ay, bx, by, r) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy) - r;
};
const circle = (px, py, cx, cy, r) => Math.hypot(px - cx, py - cy) - r;
const roundRect = (px, py, x0, y0, x1, y1, r) => {
  const qx = Math.abs(px - (x0 + x1) / 2) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(py - (y0 + y1) / 2) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};

const STROKE = 11;
const bracket = (px, py, x, dir) =>
  Math.min(
    segment(px, py, x, 62, x, 194, STROKE),
    segment(px, py, x, 62, x + dir * 26, 62, STROKE),
    segment(px, py, x, 194, x + dir * 26, 194, STROKE),
  );

const fork = (px, py) =>
  Math.min(
    segment(px, py, 128, 176, 128, 128, 9),
    segment(px, py, 128, 128, 98, 96, 9),
    segment(px, py, 128, 128, 128, 92, 9),
    segment(px, py, 128, 128, 158, 96, 9),
    circle(px, py, 128, 180, 15),
  );
const workers = (px, py) => Math.min(circle(px, py, 96, 86, 13), circle(px, py, 128, 80, 13), circle(px, py, 160, 86, 13));

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const TOP = [22, 110, 96];
const BOTTOM = [12, 62, 74];
const WHITE = [250, 252, 250];
const ACCENT = [255, 196, 64];

function shade(px, py) {
  if (roundRect(px, py, 8, 8, 248, 248, 44) > 0) return [0, 0, 0, 0];
  let color = mix(TOP, BOTTOM, py / SIZE);
  if (bracket(px, py, 50, 1) <= 0 || bracket(px, py, 206, -1) <= 0 || fork(px, py) <= 0) color = WHITE;
  if (workers(px, py) <= 0) color = ACCENT;
  return [...color, 255];
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = shade(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        // Premultiply so transparent samples do not darken the edge.
        for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
        sum[3] += c[3];
      }
    }
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    for (let i = 0; i < 3; i++) row[1 + x * 4 + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
    row[1 + x * 4 + 3] = Math.round(alpha);
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`wrote images/icon.png (${SIZE}x${SIZE}, ${png.length} bytes)`);
