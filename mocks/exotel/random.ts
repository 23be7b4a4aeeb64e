// Deterministic randomness for the simulator: a seeded PRNG (mulberry32), string hashing for per-campaign streams
// and per-event decisions (so a fault or a dropped webhook never depends on the order things were generated in).

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough to make plausible call outcomes; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(value: number): string {
  return HEX_BYTE[(value >>> 24) & 255]! + HEX_BYTE[(value >>> 16) & 255]! + HEX_BYTE[(value >>> 8) & 255]! + HEX_BYTE[value & 255]!;
}

/** A 32-hex id fixed by a seed and a position (e.g. a call sid by campaign and dial order): cheap and order-free. */
export function hexIdAt(seed: number, position: number): string {
  let id = '';
  for (let k = 0; k < 4; k++) id += hex8(fmix32((seed ^ Math.imul(position * 4 + k + 1, 0x9e3779b1)) >>> 0));
  return id;
}

/** A 32-bit hash of a seed and some parts; the same inputs always give the same number. */
export function hash32(seed: number, ...parts: Array<string | number>): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  const text = parts.join('|');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** A uniform number in [0, 1) fixed by the seed and the parts: used for per-event coin flips. */
export function unitHash(seed: number, ...parts: Array<string | number>): number {
  return hash32(seed, ...parts) / 4294967296;
}

/** A 32-hex id (Exotel's campaign and call sid format) drawn from the generator. */
export function hexId(rng: Rng): string {
  let id = '';
  for (let i = 0; i < 4; i++) id += Math.floor(rng() * 4294967296).toString(16).padStart(8, '0');
  return id;
}

export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pickOne from an empty list');
  return item;
}

/** Fisher-Yates shuffle in place. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    items[i] = b;
    items[j] = a;
  }
  return items;
}
