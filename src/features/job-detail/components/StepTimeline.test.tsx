import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { StepTimeline } from './StepTimeline';
import { T0, iso, makeJob, makeStep } from '../testJob';

afterEach(() => {
  vi.useRealTimers();
});

function timelineJob() {
  return makeJob(
    {
      completedSteps: [
        makeStep({
          stepNumber: 1,
          stepTitle: 'Isolate the pump',
          started: iso(0),
          completed: iso(100),
          timeEvents: { [iso(0)]: 0, [iso(30)]: 1, [iso(50)]: 0, [iso(100)]: 2 },
        }),
        makeStep({
          stepNumber: 2,
          stepTitle: 'Drain',
          started: 'not a date',
          timeEvents: null,
          completed: iso(150),
        }),
      ],
      cancelledSteps: [
        makeStep({
          stepNumber: 3,
          stepTitle: 'Photo of the seal',
          started: iso(150),
          cancelled: iso(170),
          timeEvents: { [iso(150)]: 0 },
        }),
      ],
    },
    {
      status: 'Active',
      created: iso(-10),
      currentStep: {
        singleStep: makeStep({
          stepNumber: 4,
          stepTitle: 'Hour meter reading',
          started: iso(200),
          timeEvents: { [iso(200)]: 0 },
        }),
      },
    },
  );
}

const href = (span: { key: string }) => `/log/${span.key}`;

describe('StepTimeline', () => {
  it('lists every step as a link whose words are the text equivalent of its bar', () => {
    vi.useFakeTimers({ now: T0 + 260_000, toFake: ['setInterval', 'clearInterval', 'Date'] });
    renderWithProviders(<StepTimeline job={timelineJob()} stepHref={href} />);
    const list = screen.getByRole('list', { name: 'Steps in time order' });
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(
        /^Step 1, Isolate the pump, completed: started .*, ended .*; active 1 m 20 s, paused 20 s\.$/,
      ),
      expect.stringMatching(/^Step 3, Photo of the seal, cancelled: .* active 20 s, paused 0 s\.$/),
      expect.stringMatching(
        /^Step 4, Hour meter reading, current step: .*running for 1 m 0 s; active 1 m 0 s/,
      ),
    ]);
    expect(links[0]).toHaveAttribute('href', '/log/u-1');
    // The step without a valid start is listed below the chart, with the reason.
    const unplaced = screen.getByText(/Step 2, Drain, completed: not on the time axis/);
    expect(unplaced).toHaveTextContent('its start time is not a valid date ("not a date")');
    expect(screen.getByRole('img', { name: /^The job: from .* to now$/ })).toBeInTheDocument();
  });

  it('grows the current step with the clock, without new data', () => {
    vi.useFakeTimers({ now: T0 + 260_000, toFake: ['setInterval', 'clearInterval', 'Date'] });
    renderWithProviders(<StepTimeline job={timelineJob()} stepHref={href} />);
    const current = () => screen.getByRole('link', { name: /^Step 4/ });
    expect(current()).toHaveAccessibleName(/running for 1 m 0 s/);
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(current()).toHaveAccessibleName(/running for 1 m 5 s/);
  });

  it('describes the step pointed at or focused below the chart', () => {
    vi.useFakeTimers({ now: T0 + 260_000, toFake: ['setInterval', 'clearInterval', 'Date'] });
    renderWithProviders(<StepTimeline job={timelineJob()} stepHref={href} />);
    const bar = screen.getByRole('link', { name: /^Step 3/ });
    fireEvent.focus(bar);
    expect(screen.getByText(/^Step 3, Photo of the seal, cancelled: started/)).toBeInTheDocument();
    fireEvent.blur(bar);
    expect(screen.getByText(/^Point at or focus a step/)).toBeInTheDocument();
  });

  it('zooms in and back out to the whole job', () => {
    vi.useFakeTimers({ now: T0 + 260_000, toFake: ['setInterval', 'clearInterval', 'Date'] });
    renderWithProviders(<StepTimeline job={timelineJob()} stepHref={href} />);
    const zoomOut = screen.getByRole('button', { name: 'Zoom out' });
    const whole = screen.getByRole('button', { name: 'Whole job' });
    expect(zoomOut).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(whole).toBeEnabled();
    // Zoomed to a quarter around the middle: step 1 (0-100 s of 270 s) is now partly outside.
    expect(screen.getAllByText('outside the range shown').length).toBeGreaterThan(0);
    fireEvent.click(whole);
    expect(screen.queryByText('outside the range shown')).not.toBeInTheDocument();
    expect(whole).toBeDisabled();
  });

  it('tells the ERROR lines held per step, as at least that many while older lines load', () => {
    vi.useFakeTimers({ now: T0 + 260_000, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const errors = {
      byStep: new Map([
        ['u-1', 3],
        ['u-3', 0],
      ]),
      partial: true,
    };
    const { rerender } = renderWithProviders(
      <StepTimeline job={timelineJob()} stepHref={href} errors={errors} />,
    );
    expect(screen.getByRole('link', { name: /^Step 1/ })).toHaveAccessibleName(
      /; at least 3 ERROR lines \(older lines still loading\)\.$/,
    );
    expect(screen.getByText('3+ ERR')).toBeInTheDocument();
    rerender(
      <StepTimeline job={timelineJob()} stepHref={href} errors={{ ...errors, partial: false }} />,
    );
    expect(screen.getByRole('link', { name: /^Step 3/ })).toHaveAccessibleName(
      /; 0 ERROR lines\.$/,
    );
    expect(screen.getByText('3 ERR')).toBeInTheDocument();
  });

  it('says so when the job has no step yet', () => {
    renderWithProviders(
      <StepTimeline
        job={makeJob({ completedSteps: [], cancelledSteps: [] }, { currentStep: null })}
        stepHref={href}
      />,
    );
    expect(screen.getByText(/No steps yet/)).toBeInTheDocument();
  });
});
