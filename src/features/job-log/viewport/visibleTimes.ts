/**
 * The time span of the lines on screen, for the volume histogram's outline. The list writes it
 * after each render; the chart redraws its outline alone, so scrolling never re-renders the
 * panel.
 */
export class VisibleTimes {
  /** Earliest and latest time of the lines on screen; NaN when none has a time. */
  from = NaN;
  to = NaN;
  private readonly listeners = new Set<() => void>();

  set(from: number, to: number): void {
    if (Object.is(from, this.from) && Object.is(to, this.to)) return;
    this.from = from;
    this.to = to;
    this.listeners.forEach((listener) => listener());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
