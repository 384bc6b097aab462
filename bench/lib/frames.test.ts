import { describe, expect, it } from 'vitest';
import { frameStats } from './frames.ts';

describe('frameStats', () => {
  it('counts frames over the jank threshold and the worst one', () => {
    expect(frameStats([0, 16, 33, 120, 136, 200])).toEqual({ frames: 5, janky: 2, worst: 87 });
  });

  it('does not count a frame of exactly the threshold', () => {
    expect(frameStats([0, 50, 100.5])).toEqual({ frames: 2, janky: 1, worst: 50.5 });
  });

  it('has no frames with fewer than two stamps', () => {
    expect(frameStats([7])).toEqual({ frames: 0, janky: 0, worst: 0 });
  });
});
