/** A token bucket: at most `perSecond` upstream requests a second, in bursts of at most one second. */
export class RateLimit {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = Math.max(1, perSecond);
    this.last = now();
  }

  /** Waits for a token; 0 requests a second means no limit. */
  async take(signal?: AbortSignal): Promise<void> {
    if (this.perSecond <= 0) return;
    for (;;) {
      signal?.throwIfAborted();
      const now = this.now();
      this.tokens = Math.min(
        Math.max(1, this.perSecond),
        this.tokens + ((now - this.last) / 1000) * this.perSecond,
      );
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
