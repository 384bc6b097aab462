import { NativeSelect } from '@mantine/core';

export interface WorkflowOption {
  id: string;
  name: string;
  /** Jobs of the workflow in the server's index. */
  jobs?: number;
}

interface WorkflowSelectProps {
  value: string;
  options: readonly WorkflowOption[];
  onChange: (workflowId: string) => void;
  /** Why the filter is unavailable; it is disabled when set. */
  disabledReason?: string | null;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function WorkflowSelect({ value, options, onChange, disabledReason }: WorkflowSelectProps) {
  const data = [{ value: '', label: 'All workflows' }];
  for (const option of options) {
    const count = option.jobs === undefined ? '' : ` (${numberFormat.format(option.jobs)})`;
    data.push({ value: option.id, label: `${option.name}${count}` });
  }
  // A workflow from a pasted link that the index does not hold still reads as selected.
  if (value && !options.some((option) => option.id === value)) {
    data.push({ value, label: value });
  }
  return (
    <NativeSelect
      label="Workflow"
      data={data}
      value={disabledReason ? '' : value}
      disabled={!!disabledReason}
      title={disabledReason ?? undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
      style={{ flex: '1 1 12rem' }}
      miw={160}
    />
  );
}
