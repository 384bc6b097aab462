/**
 * The volume histogram's counts, brought up to the store on each render at a cost per new line
 * (VolumeHistogram), and the time span on screen that the list reports for its outline.
 */
import { useMemo, useState } from 'react';
import type { LogStore } from '../store/LogStore';
import { VolumeHistogram, type VolumeSeries } from '../store/volumeHistogram';
import { VisibleTimes } from '../viewport/visibleTimes';

export interface Volume {
  /** A new object only when a count changed, so the chart redraws only then. */
  series: VolumeSeries;
  visible: VisibleTimes;
}

/** While hidden (`shown` false) nothing is counted; shown again, it counts what it missed. */
export function useVolume(store: LogStore, version: number, shown: boolean): Volume {
  const histogram = useMemo(() => new VolumeHistogram(store), [store]);
  const [visible] = useState(() => new VisibleTimes());
  const revision = useMemo(() => {
    if (shown) histogram.update();
    return histogram.revision;
    // `version` stands for the store's content, which the update reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [histogram, version, shown]);
  // `revision` changes whenever a count does.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const series = useMemo(() => histogram.series(), [histogram, revision]);
  return { series, visible };
}
