import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { ClockToleranceSelect, useClockTolerance } from './clockTolerance';

function Shown() {
  return <output>{useClockTolerance().toleranceMs} ms</output>;
}

afterEach(() => localStorage.clear());

describe('clock tolerance', () => {
  it('is 2 s until chosen, then the choice applies everywhere and is remembered', async () => {
    renderWithProviders(
      <>
        <ClockToleranceSelect />
        <Shown />
      </>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('2000 ms');
    await userEvent.selectOptions(
      screen.getByLabelText('Lines placed on steps by time, give or take'),
      '10',
    );
    expect(screen.getByRole('status')).toHaveTextContent('10000 ms');
    expect(localStorage.getItem('jobscope.clockTolerance')).toBe('10');
  });
});
