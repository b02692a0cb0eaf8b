/**
 * Zero sets of rays as bit masks, `words` 32-bit words per ray, stored flat (ray i occupies
 * words [i·words, (i+1)·words)). Bit k is set when constraint k is tight at the ray.
 * @module
 */

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function setBit(masks: Uint32Array, offset: number, k: number): void {
  const i = offset + (k >>> 5);
  masks[i] = ((masks[i] as number) | (1 << (k & 31))) >>> 0;
}

export function hasBit(masks: Uint32Array, offset: number, k: number): boolean {
  return ((((masks[offset + (k >>> 5)] as number) >>> (k & 31)) & 1) as number) === 1;
}

/** A growable flat mask store. */
export class MaskList {
  data: Uint32Array;
  length = 0;
  constructor(
    readonly words: number,
    capacity = 64,
  ) {
    this.data = new Uint32Array(Math.max(1, capacity) * words);
  }

  /** Appends a copy of `words` words from src at offset; returns the new index. */
  push(src: Uint32Array, offset: number): number {
    if ((this.length + 1) * this.words > this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(src.subarray(offset, offset + this.words), this.length * this.words);
    return this.length++;
  }
}

/**
 * Rays indexed by their zero set minus one bit. For a ray whose zero set Z has exactly d − 1
 * bits, its d − 1 keys are the (d − 2)-subsets of Z. Keys are hashed to 32 bits; a lookup
 * returns the candidates whose zero set contains the key (checked word by word).
 */
export class SubsetIndex {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly ray: Int32Array;
  private readonly hash: Uint32Array;
  private count = 0;
  private readonly shift: number;

  constructor(
    private readonly masks: Uint32Array,
    private readonly words: number,
    entries: number,
  ) {
    let bits = 4;
    while (1 << bits < entries * 2) bits++;
    this.head = new Int32Array(1 << bits).fill(-1);
    this.shift = 32 - bits;
    this.next = new Int32Array(Math.max(1, entries));
    this.ray = new Int32Array(Math.max(1, entries));
    this.hash = new Uint32Array(Math.max(1, entries));
  }

  /** Adds ray i under the key "zero set of i without bit b". */
  add(i: number, b: number): void {
    const h = keyHash(this.masks, i * this.words, this.words, b);
    const e = this.count++;
    this.ray[e] = i;
    this.hash[e] = h;
    const slot = Math.imul(h, 0x9e3779b1) >>> this.shift;
    this.next[e] = this.head[slot] as number;
    this.head[slot] = e;
  }

  /** Calls f(j) for every indexed ray j whose zero set contains key = Z(src) minus bit b. */
  forEach(src: Uint32Array, offset: number, b: number, f: (j: number) => void): void {
    const w = this.words;
    const h = keyHash(src, offset, w, b);
    const slot = Math.imul(h, 0x9e3779b1) >>> this.shift;
    for (let e = this.head[slot] as number; e !== -1; e = this.next[e] as number) {
      if (this.hash[e] !== h) continue;
      const j = this.ray[e] as number;
      let ok = true;
      for (let x = 0; x < w; x++) {
        let key = src[offset + x] as number;
        if (x === b >>> 5) key = (key & ~(1 << (b & 31))) >>> 0;
        if (((this.masks[j * w + x] as number) & key) >>> 0 !== key) {
          ok = false;
          break;
        }
      }
      if (ok) f(j);
    }
  }
}

function keyHash(masks: Uint32Array, offset: number, words: number, b: number): number {
  if (words === 1) return ((masks[offset] as number) & ~(1 << (b & 31))) >>> 0;
  let h = 0x811c9dc5;
  for (let x = 0; x < words; x++) {
    let key = masks[offset + x] as number;
    if (x === b >>> 5) key = (key & ~(1 << (b & 31))) >>> 0;
    h = Math.imul(h ^ key, 0x01000193) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
  }
  return h;
}
