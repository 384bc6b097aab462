/**
 * Seeded randomness. Everything the simulator invents comes from here, so one seed always
 * yields the same world (ids, titles, timings) and the same fault decisions.
 */

const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/** mulberry32: tiny, fast, and good enough for test data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  private hexCodes(length: number): number[] {
    const codes: number[] = [];
    for (let i = 0; i < length; i++) codes.push(HEX_CODES[Math.floor(this.next() * 16)] as number);
    return codes;
  }

  /**
   * Built from char codes in one go: a string grown by concatenation stays a rope in V8,
   * several times its size, which adds up over 100,000 jobs.
   */
  hex(length: number): string {
    return String.fromCharCode(...this.hexCodes(length));
  }

  /** A version-4 UUID. */
  uuid(): string {
    const codes = this.hexCodes(32);
    codes[12] = 0x34; // '4': version
    codes[16] = HEX_CODES[8 + Math.floor(this.next() * 4)] as number; // variant 10xx
    codes.splice(20, 0, 0x2d);
    codes.splice(16, 0, 0x2d);
    codes.splice(12, 0, 0x2d);
    codes.splice(8, 0, 0x2d);
    return String.fromCharCode(...codes);
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }
}

/**
 * A stateless hash of small integers to a uint32: lets the simulator derive a value for
 * (job, line) on demand instead of storing it, which keeps million-line logs cheap.
 */
export function hash32(a: number, b: number, c = 0): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
  return (h ^ (h >>> 15)) >>> 0;
}

/** FNV-1a over a string, mixed with a seed. */
export function hashString(text: string, seed = 0): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return hash32(h >>> 0, seed);
}
