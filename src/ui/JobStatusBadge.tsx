import { Badge, type BadgeProps } from '@mantine/core';
import classes from './JobStatusBadge.module.css';

/**
 * Known statuses and their colours; any other string is shown raw on a neutral badge. The
 * colour name is the badge's meaning for code and tests; the shades that reach WCAG AA
 * contrast in each scheme live in the CSS module.
 */
const STATUS_COLORS: Record<string, string> = {
  Active: 'blue',
  Paused: 'yellow',
  Completed: 'green',
  Aborted: 'red',
};

const KNOWN = new Set(Object.keys(STATUS_COLORS));

export function statusColor(status: string | null | undefined): string {
  return (status != null && STATUS_COLORS[status]) || 'gray';
}

interface JobStatusBadgeProps extends BadgeProps {
  status: string | null | undefined;
}

export function JobStatusBadge({ status, ...props }: JobStatusBadgeProps) {
  const label = status == null || status === '' ? 'Unknown' : status;
  return (
    <Badge
      variant="light"
      tt="none"
      className={classes.badge}
      data-status={KNOWN.has(label) ? label : 'other'}
      data-color={statusColor(status)}
      {...props}
    >
      {label}
    </Badge>
  );
}
