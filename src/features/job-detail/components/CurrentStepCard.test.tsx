import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { CurrentStepCard } from './CurrentStepCard';
import { T0, iso, makeStep } from '../testJob';

afterEach(() => {
  vi.useRealTimers();
});

describe('CurrentStepCard', () => {
  it('shows the step and only the fields that are present', () => {
    renderWithProviders(
      <CurrentStepCard
        step={makeStep({
          stepNumber: 3,
          stepTitle: 'Inspect the seal',
          deviceId: null,
          note: 'Wear gloves',
        })}
        endedAt={null}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Inspect the seal' })).toBeInTheDocument();
    expect(screen.getByText(/step 3/i)).toBeInTheDocument();
    expect(screen.getByText('Checklist')).toBeInTheDocument();
    expect(screen.getByText('ana@example.com')).toBeInTheDocument();
    expect(screen.getByText('Wear gloves')).toBeInTheDocument();
    expect(screen.queryByText('Device')).not.toBeInTheDocument();
    expect(screen.queryByText('Tags')).not.toBeInTheDocument();
  });

  it('ticks "active for" every second without new data', () => {
    vi.useFakeTimers({ now: T0 + 192_000, toFake: ['setInterval', 'clearInterval', 'Date'] });
    renderWithProviders(<CurrentStepCard step={makeStep()} endedAt={null} />);
    expect(screen.getByTestId('active-for')).toHaveTextContent('active for 3 m 12 s');
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(screen.getByTestId('active-for')).toHaveTextContent('active for 3 m 14 s');
  });

  it('lists every time event in order, unknown codes included, and the paused time', () => {
    vi.useFakeTimers({ now: T0 + 100_000, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const step = makeStep({
      timeEvents: { [iso(60)]: 0, [iso(0)]: 0, [iso(30)]: 1, [iso(45)]: 7 },
    });
    renderWithProviders(<CurrentStepCard step={step} endedAt={null} />);
    const list = screen.getByRole('list', { name: /time events/i });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('became active'),
      expect.stringContaining('paused'),
      expect.stringContaining('event 7'),
      expect.stringContaining('became active'),
    ]);
    expect(screen.getByTestId('active-time')).toHaveTextContent('1 m 10 s');
    expect(screen.getByTestId('paused-time')).toHaveTextContent('30 s');
    expect(
      screen.getByRole('img', {
        name: /^Lifetime 1 m 40 s: active 30 s, then paused 30 s, then active 40 s \(ongoing\)/,
      }),
    ).toBeInTheDocument();
  });

  it('says when the job has no current step', () => {
    renderWithProviders(<CurrentStepCard step={null} endedAt={null} />);
    expect(screen.getByText('No current step.')).toBeInTheDocument();
  });
});
