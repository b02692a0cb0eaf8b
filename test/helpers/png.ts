/**
 * A small PNG reader for tests, independent of the renderer: the signature, the IHDR size and
 * format, and the pixels (IDAT inflated with node:zlib and unfiltered as the PNG spec says),
 * for 8-bit greyscale, RGB and RGBA images without interlacing.
 */
import { inflateSync } from "node:zlib";

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface Png {
  width: number;
  height: number;
  channels: number;
  /** Row-major samples, `channels` per pixel. */
  pixels: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function readPng(bytes: Uint8Array): Png {
  const buf = Buffer.from(bytes);
  if (!PNG_SIGNATURE.every((b, i) => buf[i] === b)) throw new Error("not a PNG signature");
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8]!;
      channels = CHANNELS[data[9]!] ?? 0;
      if (depth !== 8 || channels === 0 || data[12] !== 0)
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${data[9]}`);
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][
        filter
      ];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      pixels[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** The share of pixels that are not (almost) white. */
export function inkShare(png: Png): number {
  let ink = 0;
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const px = png.pixels.subarray(i * png.channels, (i + 1) * png.channels);
    const colour = png.channels >= 3 ? [px[0]!, px[1]!, px[2]!] : [px[0]!];
    if (colour.some((v) => v < 235)) ink++;
  }
  return ink / n;
}
