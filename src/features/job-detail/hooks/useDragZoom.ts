/**
 * Zooming the step timeline by dragging across it: where the drag began and is now (in percent
 * of the axis, for the selection overlay), the range it selects when released, and the click a
 * drag's release would otherwise make on the bar under it.
 */
import { useRef, useState, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import { rangeFromDrag, type TimeRange } from '../model/timelineAxis';

export interface Drag {
  from: number;
  to: number;
  /** Moved far enough to mean a zoom, not a click. */
  moved: boolean;
}

export function useDragZoom(
  axisRef: RefObject<HTMLElement | null>,
  range: TimeRange | null,
  onZoom: (range: TimeRange) => void,
) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragged = useRef(false);

  const percentOf = (clientX: number) => {
    const box = axisRef.current?.getBoundingClientRect();
    return box && box.width > 0 ? ((clientX - box.left) / box.width) * 100 : 0;
  };

  const handlers = {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (event.button !== 0) return;
      dragged.current = false;
      const at = percentOf(event.clientX);
      setDrag({ from: at, to: at, moved: false });
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      if (!drag) return;
      const at = percentOf(event.clientX);
      const moved = drag.moved || Math.abs(at - drag.from) >= 1;
      dragged.current = moved;
      setDrag({ from: drag.from, to: at, moved });
    },
    onPointerUp() {
      if (drag && range && drag.moved) {
        const next = rangeFromDrag(range, drag.from, drag.to);
        if (next) onZoom(next);
      }
      setDrag(null);
    },
    onPointerCancel() {
      setDrag(null);
    },
    onClickCapture(event: MouseEvent<HTMLElement>) {
      // The end of a drag is not a click on the bar under it.
      if (dragged.current) {
        event.preventDefault();
        dragged.current = false;
      }
    },
  };
  return { drag, handlers };
}
