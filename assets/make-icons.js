#!/usr/bin/env node
/**
 * Draws the AI Deal Modeler icons (a rising bar chart on a rounded blue tile) and writes them as
 * PNG files icon-16.png … icon-80.png in the sizes the manifest names (16, 20, 24, 32, 40, 48, 64, 80).
 *
 *   node assets/make-icons.js [outputDir]      (default: this folder)
 *
 * No dependencies beyond Node: pixels are computed with 4×4 supersampling, written as 8-bit RGBA
 * scanlines, deflated with zlib and wrapped in PNG chunks with their CRC-32. The output is
 * byte-for-byte deterministic, so test/manifest.test.ts can check the committed PNGs are current.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

// Colours (RGB): Fluent brand blue tile, white bars, a light-blue trend bar.
const TILE = [15, 108, 189];
const BAR = [255, 255, 255];
const ACCENT = [160, 210, 255];

/**
 * The glyph in unit coordinates (0..1 across the icon): a rounded tile and three bars rising
 * from a common baseline. Returns the colour at (x, y) or null where the icon is transparent.
 */
function colourAt(x, y) {
  const radius = 0.2;
  // Rounded-square tile: distance to the inner rectangle [radius, 1 - radius]².
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  if (dx * dx + dy * dy > radius * radius) return null;

  const baseline = 0.8;
  const bars = [
    { left: 0.2, right: 0.36, top: 0.56, colour: BAR },
    { left: 0.42, right: 0.58, top: 0.4, colour: BAR },
    { left: 0.64, right: 0.8, top: 0.2, colour: ACCENT },
  ];
  for (const bar of bars) {
    if (x >= bar.left && x < bar.right && y >= bar.top && y < baseline) return bar.colour;
  }
  return TILE;
}

/** RGBA pixels of a size×size icon, each pixel averaged over 4×4 samples. */
function render(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        // Straight (non-premultiplied) alpha, as PNG requires.
        pixels[i] = Math.round(r / covered);
        pixels[i + 1] = Math.round(g / covered);
        pixels[i + 2] = Math.round(b / covered);
        pixels[i + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) for the given pixels. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const rowBytes = size * 4;
  const raw = Buffer.alloc((rowBytes + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (rowBytes + 1)] = 0; // filter type None
    pixels.copy(raw, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes every icon into outputDir and returns the paths written. */
function makeIcons(outputDir) {
  fs.mkdirSync(outputDir, { recursive: true });
  return SIZES.map((size) => {
    const file = path.join(outputDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    return file;
  });
}

module.exports = { SIZES, makeIcons, encodePng, render };

if (require.main === module) {
  const outputDir = path.resolve(process.argv[2] || __dirname);
  for (const file of makeIcons(outputDir)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
