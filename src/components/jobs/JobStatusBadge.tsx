import { Badge, type BadgeProps } from '@mantine/core';

/** Known statuses and their colours; any other string is shown raw on a neutral badge. */
const STATUS_COLORS: Record<string, string> = {
  Active: 'blue',
  Paused: 'yellow',
  Completed: 'green',
  Aborted: 'red',
};

export function statusColor(status: string | null | undefined): string {
  return (status != null && STATUS_COLORS[status]) || 'gray';
}

interface JobStatusBadgeProps extends BadgeProps {
  status: string | null | undefined;
}

export function JobStatusBadge({ status, ...props }: JobStatusBadgeProps) {
  const label = status == null || status === '' ? 'Unknown' : status;
  return (
    <Badge color={statusColor(status)} variant="light" tt="none" {...props}>
      {label}
    </Badge>
  );
}
