import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { testLine } from '../testLines';
import { LogStore } from '../store/LogStore';
import { VolumeHistogram } from '../store/volumeHistogram';
import { VisibleTimes } from '../viewport/visibleTimes';
import { LogVolume } from './LogVolume';

const T0 = Date.UTC(2026, 10, 29, 14, 0, 0);
const at = (id: number, ms: number | null, level = 'INFO') =>
  testLine(id, level, `m${id}`, ms === null ? null : new Date(ms).toISOString());

/** One-second bars over a minute: 2 lines (one ERROR), none, 1 ... 1; and a line without a time. */
function series() {
  const store = new LogStore();
  store.append([
    at(1, T0, 'ERROR'),
    at(2, T0 + 500),
    at(3, null),
    at(4, T0 + 2500, 'WARN'),
    at(5, T0 + 60_000),
  ]);
  const volume = new VolumeHistogram(store);
  volume.update();
  return volume.series();
}

function setup(range: { from: number; to: number } | null = null, rangeInvalid = false) {
  localStorage.setItem('jobscope.timeZone', 'utc');
  const onRange = vi.fn();
  const onJump = vi.fn();
  renderWithProviders(
    <LogVolume
      chart
      series={series()}
      visible={new VisibleTimes()}
      range={range}
      rangeInvalid={rangeInvalid}
      onRange={onRange}
      onJump={onJump}
      complete={false}
    />,
  );
  return { onRange, onJump, slider: screen.getByRole('slider', { name: 'Log volume over time' }) };
}

describe('LogVolume', () => {
  it('says what the chart shows, including lines without a time and what is not loaded', () => {
    setup();
    expect(
      screen.getByText(
        '4 lines, 1 s per bar, 2026-11-29 14:00:00 UTC to 2026-11-29 14:01:01 UTC, ' +
          '1 line without a time, not drawn (loaded so far)',
      ),
    ).toBeInTheDocument();
  });

  it('is a slider over the bars: arrows choose one, Enter jumps to its first line', () => {
    const { slider, onJump } = setup();
    fireEvent.focus(slider);
    // It starts at the last bar.
    expect(slider).toHaveAttribute('aria-valuenow', '60');
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(slider).toHaveAttribute(
      'aria-valuetext',
      '2026-11-29 14:00:00 UTC to 2026-11-29 14:00:01 UTC: 2 lines (1 ERROR, 1 INFO)',
    );
    fireEvent.keyDown(slider, { key: 'Enter' });
    expect(onJump).toHaveBeenLastCalledWith(1);
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyDown(slider, { key: 'Enter' });
    expect(slider).toHaveAttribute('aria-valuetext', 'No lines in this bar.');
    expect(screen.getByText('No lines in this bar.')).toBeInTheDocument();
    expect(onJump).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    // The note was said of the empty bar only.
    expect(screen.queryByText('No lines in this bar.')).toBeNull();
    fireEvent.keyDown(slider, { key: 'Enter' });
    expect(onJump).toHaveBeenLastCalledWith(4);
    // Ten bars a page (Page Up is later, as for any slider); past the ends it stays put.
    fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(slider).toHaveAttribute('aria-valuenow', '12');
    fireEvent.keyDown(slider, { key: 'End' });
    fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(slider).toHaveAttribute('aria-valuenow', '60');
    fireEvent.keyDown(slider, { key: 'Home' });
    fireEvent.keyDown(slider, { key: 'PageDown' });
    expect(slider).toHaveAttribute('aria-valuenow', '0');
  });

  it('marks bars with Shift and filters to their time with Enter; Escape drops the marks', () => {
    const { slider, onRange } = setup();
    fireEvent.focus(slider);
    fireEvent.keyDown(slider, { key: 'Home' });
    fireEvent.keyDown(slider, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(slider, { key: 'ArrowRight', shiftKey: true });
    expect(slider).toHaveAttribute(
      'aria-valuetext',
      '2026-11-29 14:00:00 UTC to 2026-11-29 14:00:03 UTC marked: 3 lines; Enter shows only these',
    );
    fireEvent.keyDown(slider, { key: 'Escape' });
    expect(slider.getAttribute('aria-valuetext')).not.toMatch(/marked/);
    fireEvent.keyDown(slider, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(slider, { key: 'Enter' });
    expect(onRange).toHaveBeenCalledWith({ from: T0 + 1000, to: T0 + 3000 });
  });

  it('shows the time filter with a button that clears it', () => {
    const { onRange } = setup({ from: T0, to: T0 + 3000 });
    // A range hides lines without a time: it says how many.
    expect(
      screen.getByText(
        'Time range: 2026-11-29 14:00:00 UTC to 2026-11-29 14:00:03 UTC; ' +
          '1 line without a time hidden',
      ),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear time range' }));
    expect(onRange).toHaveBeenCalledWith(null);
  });

  it('says when the link names a time range it cannot read', () => {
    const { onRange } = setup(null, true);
    expect(screen.getByText(/time range cannot be read: every time shows/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear time range' }));
    expect(onRange).toHaveBeenCalledWith(null);
  });

  it('leaves the range open when it reaches the last bar, so new lines stay in it', () => {
    const { slider, onRange } = setup();
    fireEvent.keyDown(slider, { key: 'End' });
    fireEvent.keyDown(slider, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(slider, { key: 'Enter' });
    expect(onRange).toHaveBeenCalledWith({ from: T0 + 59_000, to: Infinity });
  });
});
