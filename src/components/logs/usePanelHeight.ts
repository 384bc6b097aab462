/** The panel fills the window below its top edge, so the page itself does not scroll. */
import { useLayoutEffect, useState, type RefObject } from 'react';

const MIN_HEIGHT = 320;
const BOTTOM_GAP = 16;

export function usePanelHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(560);
  useLayoutEffect(() => {
    function measure() {
      const element = ref.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - BOTTOM_GAP)));
    }
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref]);
  return height;
}
