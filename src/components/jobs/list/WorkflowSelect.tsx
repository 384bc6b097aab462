import { NativeSelect } from '@mantine/core';

export interface WorkflowOption {
  id: string;
  name: string;
}

interface WorkflowSelectProps {
  value: string;
  options: readonly WorkflowOption[];
  onChange: (workflowId: string) => void;
}

export function WorkflowSelect({ value, options, onChange }: WorkflowSelectProps) {
  const data = [{ value: '', label: 'All workflows' }];
  for (const option of options) data.push({ value: option.id, label: option.name });
  // A workflow from a pasted link that no loaded job shows yet still reads as selected.
  if (value && !options.some((option) => option.id === value)) {
    data.push({ value, label: value });
  }
  return (
    <NativeSelect
      label="Workflow"
      data={data}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      style={{ flex: '1 1 12rem' }}
      miw={160}
    />
  );
}
