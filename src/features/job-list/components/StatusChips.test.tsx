import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { StatusChips } from './StatusChips';

describe('StatusChips', () => {
  it('shows a count per status and toggles the status filter', async () => {
    const onChange = vi.fn();
    renderWithProviders(
      <StatusChips
        selected={['Paused']}
        onChange={onChange}
        counts={{ total: 1240, statuses: { Active: 1200, Paused: 40, Quarantined: 0 } }}
      />,
    );
    expect(screen.getByRole('checkbox', { name: 'Active 1,200' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Paused 40' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Completed 0' })).toBeInTheDocument();
    // A status only the server knows still gets a chip.
    expect(screen.getByRole('checkbox', { name: 'Quarantined 0' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Active 1,200' }));
    expect(onChange).toHaveBeenLastCalledWith(['Paused', 'Active']);
  });

  it('shows chips without numbers when the server has no counts', () => {
    renderWithProviders(<StatusChips selected={['Odd']} onChange={() => {}} counts={null} />);
    expect(screen.getByRole('checkbox', { name: 'Active' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Odd' })).toBeChecked();
  });
});
