/** Frame timing from the timestamps of consecutive requestAnimationFrame callbacks. */

/** A frame longer than this is janky: the threshold (3 missed vsyncs at 60 Hz). */
export const JANK_MS = 50;

export interface FrameStats {
  frames: number;
  janky: number;
  worst: number;
}

export function frameStats(timestamps: readonly number[], jankMs = JANK_MS): FrameStats {
  let janky = 0;
  let worst = 0;
  for (let i = 1; i < timestamps.length; i++) {
    const duration = timestamps[i]! - timestamps[i - 1]!;
    if (duration > jankMs) janky++;
    worst = Math.max(worst, duration);
  }
  return { frames: Math.max(0, timestamps.length - 1), janky, worst };
}
