/**
 * The panel fills the window below its top edge, so the page itself does not scroll. Where the
 * header and toolbar leave too little of the window (phones), the panel takes most of the
 * window's height instead and the page scrolls to it: a log needs room for rows.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

const MIN_HEIGHT = 320;
const BOTTOM_GAP = 16;
const MIN_SHARE = 0.6;
const TALL_SHARE = 0.85;

export function usePanelHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(560);
  useLayoutEffect(() => {
    function measure() {
      const element = ref.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      const available = window.innerHeight - top - BOTTOM_GAP;
      const tall = available < window.innerHeight * MIN_SHARE ? window.innerHeight * TALL_SHARE : 0;
      setHeight(Math.floor(Math.max(MIN_HEIGHT, available, tall)));
    }
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref]);
  return height;
}
