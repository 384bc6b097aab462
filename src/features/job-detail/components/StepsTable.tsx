import { ActionIcon, Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { Step } from '../../../contract';
import type { StepErrorCounts } from '../../job-log';
import { IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { formatDuration, parseTime } from '../../../lib/time';
import { timingOfStep } from '../../../lib/timeEvents';
import { Timestamp } from '../../../ui/Timestamp';
import { useNow } from '../../../ui/useNow';
import { PastStepDetail } from './PastStepDetail';
import type { PastStep } from '../model/stepOrder';
import { StepTypeLabel } from './StepTypeLabel';
import classes from './StepsTable.module.css';
import { TableScroll } from '../../../ui/TableScroll';

const COLUMNS = 9;

function rowKey(row: PastStep, index: number): string {
  return row.step.uniqueStepId || `${row.outcome}-${String(row.step.stepNumber)}-${index}`;
}

export interface StepsTableProps {
  rows: PastStep[];
  /** Where a step's title leads: the log lines written while it ran (null: nowhere). */
  stepHref?: (step: Step) => string | null;
  /** ERROR lines held per step key, and the key of each step. */
  errors?: StepErrorCounts;
  stepKey?: (step: Step) => string | null;
}

/** Completed and cancelled steps; a row opens to its time events and values. */
export function StepsTable({ rows, stepHref, errors, stepKey }: StepsTableProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const now = useNow(60_000);
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md">
        No steps completed yet.
      </Text>
    );
  }
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <TableScroll minWidth={560}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Completed and cancelled steps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
            <Table.Th>#</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th visibleFrom="sm">User</Table.Th>
            <Table.Th visibleFrom="sm">Started</Table.Th>
            <Table.Th>Completed / cancelled</Table.Th>
            <Table.Th>Active</Table.Th>
            <Table.Th>Errors</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => {
            const key = rowKey(row, index);
            const isOpen = open.has(key);
            const { step } = row;
            const timing = timingOfStep(step, now, parseTime(row.endedAt));
            const title = step.stepTitle || 'Untitled step';
            const detailId = `step-detail-${index}`;
            return (
              <Fragment key={key}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? detailId : undefined}
                      aria-label={`${isOpen ? 'Hide' : 'Show'} details of step ${String(step.stepNumber ?? '')} ${title}`}
                      onClick={() => toggle(key)}
                    >
                      <IconChevronRight
                        size={16}
                        className={`${classes.expander} ${isOpen ? classes.expanded : ''}`}
                      />
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>{step.stepNumber ?? '—'}</Table.Td>
                  <Table.Td>
                    <StepTitle title={title} href={stepHref?.(step) ?? null} />
                  </Table.Td>
                  <Table.Td>
                    <StepTypeLabel stepType={step.stepType} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{step.userName || '—'}</Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Timestamp value={step.started} mode="absolute" size="sm" />
                  </Table.Td>
                  <Table.Td>
                    {row.outcome === 'cancelled' ? (
                      <Badge color="gray" size="xs" mr={6}>
                        Cancelled
                      </Badge>
                    ) : null}
                    <Timestamp value={row.endedAt} mode="absolute" size="sm" />
                  </Table.Td>
                  <Table.Td>
                    {timing.start === null ? '—' : formatDuration(timing.activeMs)}
                  </Table.Td>
                  <Table.Td>
                    <ErrorCount errors={errors} stepKey={stepKey?.(step) ?? null} />
                  </Table.Td>
                </Table.Tr>
                {isOpen ? (
                  <Table.Tr className={classes.detailRow} id={detailId}>
                    <Table.Td colSpan={COLUMNS}>
                      <PastStepDetail step={step} timing={timing} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function StepTitle({ title, href }: { title: string; href: string | null }) {
  if (!href) return <>{title}</>;
  return (
    <Anchor component={Link} to={href} size="sm" title="Open the log lines written while it ran">
      {title}
    </Anchor>
  );
}

/** ERROR lines the log holds for the step: "3", "3+" while older lines load, "-" before. */
function ErrorCount({ errors, stepKey }: { errors?: StepErrorCounts; stepKey: string | null }) {
  const n = stepKey === null ? undefined : errors?.byStep?.get(stepKey);
  if (n === undefined) {
    return (
      <Text span size="sm" c="dimmed" title="Counted from the log once the Log tab has read it">
        —
      </Text>
    );
  }
  const partial = errors!.partial;
  return (
    <Text
      span
      size="sm"
      className={n > 0 ? classes.errors : undefined}
      title={partial ? 'At least this many: older lines are still loading' : undefined}
    >
      {n}
      {partial ? '+' : ''}
    </Text>
  );
}
