import { Stack, Tabs, Text } from '@mantine/core';
import { isTerminalStatus } from '../../../lib/job';
import type { Step, WorkflowJob } from '../../../contract';
import { parseTime } from '../../../lib/time';
import { JobLogPanel, useStepErrorCounts, type StepErrorCounts } from '../../job-log';
import { RegionBoundary } from '../../../ui/RegionBoundary';
import { CurrentStepCard } from './CurrentStepCard';
import { StepTimeline } from './StepTimeline';
import { paths } from '../../../config/paths';
import { stepSpans, type StepSpan } from '../../../lib/stepSpans';
import { useNow } from '../../../ui/useNow';
import { useMemo } from 'react';
import { JobHeader } from './JobHeader';
import { LazyJobMetadataPanel, LazyRawJsonView, LazyStepsTable, TabLoading } from './lazyTabs';
import { pastSteps } from '../model/stepOrder';
import { DETAIL_TABS, type DetailTab } from '../model/detailTab';
import classes from './JobDetailView.module.css';
import type { ReactNode } from 'react';

interface JobDetailViewProps {
  job: WorkflowJob;
  raw: unknown;
  tab: DetailTab;
  onTabChange: (tab: DetailTab) => void;
  listHref: string;
  /** Shown above the tabs, e.g. the "data may be stale" banner. */
  notice?: ReactNode;
}

const TAB_LABELS: Record<DetailTab, string> = {
  overview: 'Overview',
  steps: 'Steps',
  metadata: 'Metadata',
  raw: 'Raw',
  log: 'Log',
};

/** The job detail page's body: header, then tabs (overview, steps, metadata, raw, log). */
export function JobDetailView({
  job,
  raw,
  tab,
  onTabChange,
  listHref,
  notice,
}: JobDetailViewProps) {
  const status = job.metadata.status;
  const terminal = isTerminalStatus(status);
  const steps = pastSteps(job.completedSteps, job.cancelledSteps);
  // A job that ended with a step still open: that step's clock stopped at the job's last update.
  const endedAt = terminal ? parseTime(job.metadata.updated) : null;
  // For the log's step bar: its times change with the job, its durations once a minute.
  const minute = useNow(60_000);
  const spans = useMemo(() => stepSpans(job, minute), [job, minute]);
  const failedStep = status === 'Aborted' ? lastActiveStep(spans) : null;
  const stepKey = (step: Step) => spans.find((s) => s.step === step)?.key ?? null;
  return (
    <div className={`${classes.page} ${tab === 'log' ? classes.fill : ''}`}>
      <RegionBoundary label="the job's header">
        <JobHeader job={job} listHref={listHref} />
      </RegionBoundary>
      {notice}
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value && (DETAIL_TABS as readonly string[]).includes(value)) {
            onTabChange(value as DetailTab);
          }
        }}
        keepMounted={false}
        className={classes.tabs}
      >
        <Tabs.List>
          {DETAIL_TABS.map((t) => (
            <Tabs.Tab key={t} value={t} className={classes.tab}>
              {TAB_LABELS[t]}
              {t === 'steps' && steps.length ? ` (${steps.length})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <RegionBoundary label="the overview">
            <Stack gap="md">
              <CurrentStepCard step={job.metadata.currentStep?.singleStep} endedAt={endedAt} />
              <WithErrorCounts jobId={job.jobId} spans={spans}>
                {(errors) => (
                  <StepTimeline
                    job={job}
                    stepHref={(span) => stepLogHref(job.jobId, span)}
                    errors={errors}
                  />
                )}
              </WithErrorCounts>
              <Text size="sm" c="dimmed">
                {steps.length === 0
                  ? 'No steps completed yet.'
                  : `${countOf(steps, 'completed')} completed, ${countOf(steps, 'cancelled')} cancelled: see Steps.`}
              </Text>
            </Stack>
          </RegionBoundary>
        </Tabs.Panel>
        <TabLoading>
          <Tabs.Panel value="steps" pt="md">
            <RegionBoundary label="the steps">
              <WithErrorCounts jobId={job.jobId} spans={spans}>
                {(errors) => (
                  <LazyStepsTable
                    rows={steps}
                    errors={errors}
                    stepKey={stepKey}
                    stepHref={(step) => {
                      const span = spans.find((s) => s.step === step);
                      return span ? stepLogHref(job.jobId, span) : null;
                    }}
                  />
                )}
              </WithErrorCounts>
            </RegionBoundary>
          </Tabs.Panel>
        </TabLoading>
        <TabLoading>
          <Tabs.Panel value="metadata" pt="md">
            <RegionBoundary label="the metadata">
              <LazyJobMetadataPanel job={job} />
            </RegionBoundary>
          </Tabs.Panel>
        </TabLoading>
        <TabLoading>
          <Tabs.Panel value="raw" pt="md">
            <RegionBoundary label="the raw job">
              <LazyRawJsonView raw={raw} />
            </RegionBoundary>
          </Tabs.Panel>
        </TabLoading>
        <Tabs.Panel value="log" pt="md" className={classes.logPanel}>
          <RegionBoundary label="the log">
            <JobLogPanel
              jobId={job.jobId}
              jobTerminal={terminal}
              steps={spans}
              failedStep={failedStep}
            />
          </RegionBoundary>
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}

/**
 * ERROR counts per step for the tab that shows them: it re-renders as lines arrive, not the
 * whole page (on the Log tab nothing shows them, and nothing re-renders for them).
 */
function WithErrorCounts(props: {
  jobId: string;
  spans: readonly StepSpan[];
  children: (errors: StepErrorCounts) => ReactNode;
}) {
  return props.children(useStepErrorCounts(props.jobId, props.spans));
}

/** The step that was active when the job ended: its current step, else the last cancelled. */
function lastActiveStep(spans: readonly StepSpan[]): StepSpan | null {
  const current = spans.find((span) => span.outcome === 'current');
  if (current) return current;
  const cancelled = spans.filter((span) => span.outcome === 'cancelled' && span.start !== null);
  return cancelled.at(-1) ?? null;
}

function stepLogHref(jobId: string, span: StepSpan): string {
  return paths.jobStepLog(jobId, span.uniqueStepId ?? span.key);
}

function countOf(steps: ReturnType<typeof pastSteps>, outcome: 'completed' | 'cancelled') {
  return steps.filter((s) => s.outcome === outcome).length;
}
