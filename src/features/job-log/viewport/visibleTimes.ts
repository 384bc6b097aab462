/**
 * The time span of the lines on screen, for the volume histogram's outline. The list writes it
 * after each render; the chart redraws its outline alone, so scrolling never re-renders the
 * panel.
 */
import type { LogStore } from '../store/LogStore';
import type { LogView } from '../model/logView';
import type { RowLayout } from './rowLayout';
import type { PlacedRow } from './windowing';

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

  /** From the rows rendered (overscan included), those inside the scrolled-to window. */
  report(
    store: LogStore,
    view: LogView,
    layout: RowLayout,
    rows: readonly PlacedRow[],
    scrollTop: number,
    height: number,
  ): void {
    let from = NaN;
    let to = NaN;
    for (const { row, top } of rows) {
      if (top + layout.height(row) <= scrollTop || top >= scrollTop + height) continue;
      if (view.headerAt(row) >= 0 || view.gapAt(row) >= 0) continue;
      // Min and max, not first and last: a log's times need not follow its ids.
      const { time } = store.at(view.positionAt(row));
      if (Number.isNaN(time)) continue;
      if (!(time >= from)) from = time;
      if (!(time <= to)) to = time;
    }
    this.set(from, to);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
