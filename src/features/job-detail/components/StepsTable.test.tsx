import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { StepsTable } from './StepsTable';
import { pastSteps } from '../model/stepOrder';
import { iso, makeStep } from '../testJob';

const completed = [
  makeStep({
    stepNumber: 2,
    stepTitle: 'Second',
    completed: iso(100),
    timeEvents: { [iso(50)]: 0, [iso(100)]: 2 },
  }),
  makeStep({
    stepNumber: 1,
    stepTitle: 'First',
    completed: iso(40),
    timeEvents: { [iso(0)]: 0, [iso(10)]: 1, [iso(20)]: 0, [iso(40)]: 2, [iso(41)]: 9 },
    values: [{ label: 'Guards fitted', checked: true }],
  }),
];
const cancelled = [
  makeStep({
    stepNumber: 3,
    stepTitle: 'Third',
    cancelled: iso(130),
    timeEvents: { [iso(100)]: 0 },
  }),
];

describe('StepsTable', () => {
  it('says so when no step is done', () => {
    renderWithProviders(<StepsTable rows={pastSteps(null, undefined)} />);
    expect(screen.getByText('No steps completed yet.')).toBeInTheDocument();
  });

  it('lists completed and cancelled steps in step order with active durations', () => {
    renderWithProviders(<StepsTable rows={pastSteps(completed, cancelled)} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual([
      'First',
      'Second',
      'Third',
    ]);
    expect(rows[0]).toHaveTextContent('30 s');
    expect(rows[1]).toHaveTextContent('50 s');
    expect(rows[2]).toHaveTextContent('Cancelled');
    expect(rows[2]).toHaveTextContent('30 s');
  });

  it('expands a row to its time events and values', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StepsTable rows={pastSteps(completed, cancelled)} />);
    const toggle = screen.getByRole('button', { name: /show details of step 1 first/i });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const events = screen.getByRole('list', { name: 'Time events of step 1' });
    expect(within(events).getAllByRole('listitem')).toHaveLength(5);
    expect(within(events).getByText('event 9')).toBeInTheDocument();
    expect(screen.getByText('Guards fitted')).toBeInTheDocument();
    expect(screen.getByTestId('paused-time')).toHaveTextContent('10 s');
    await user.click(screen.getByRole('button', { name: /hide details of step 1/i }));
    expect(screen.queryByRole('list', { name: 'Time events of step 1' })).not.toBeInTheDocument();
  });
});
