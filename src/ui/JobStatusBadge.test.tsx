import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { JobStatusBadge, statusColor } from './JobStatusBadge';

describe('JobStatusBadge', () => {
  it('maps known statuses to their colours and others to neutral', () => {
    expect(statusColor('Active')).toBe('blue');
    expect(statusColor('Paused')).toBe('yellow');
    expect(statusColor('Completed')).toBe('green');
    expect(statusColor('Aborted')).toBe('red');
    expect(statusColor('Quarantined')).toBe('gray');
    expect(statusColor(null)).toBe('gray');
  });

  it('shows an unknown status as its raw text', () => {
    renderWithProviders(<JobStatusBadge status="Quarantined" />);
    expect(screen.getByText('Quarantined')).toBeInTheDocument();
  });

  it('says Unknown when there is no status', () => {
    renderWithProviders(<JobStatusBadge status={null} />);
    expect(screen.getByText('Unknown')).toBeInTheDocument();
  });
});
