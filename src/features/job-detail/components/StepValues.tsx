import { Badge, Group, List, Text } from '@mantine/core';
import { IconSquare, IconSquareCheck } from '@tabler/icons-react';

interface Checkable {
  label: string;
  checked: boolean;
}

function isCheckable(v: unknown): v is Checkable {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Checkable).label === 'string' &&
    typeof (v as Checkable).checked === 'boolean'
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && typeof (value as { filename?: unknown }).filename === 'string') {
    return (value as { filename: string }).filename;
  }
  return JSON.stringify(value);
}

function ValueItem({ value }: { value: unknown }) {
  if (isCheckable(value)) {
    const Icon = value.checked ? IconSquareCheck : IconSquare;
    return (
      <Group gap={6} wrap="nowrap">
        <Icon size={16} aria-hidden />
        <Text size="sm">
          {value.label}
          <Text span size="xs" c="dimmed">
            {value.checked ? ' (checked)' : ' (not checked)'}
          </Text>
        </Text>
      </Group>
    );
  }
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {describe(value)}
    </Text>
  );
}

/** A step's recorded values, whatever their shape. */
export function StepValues({ values }: { values: unknown[] | null | undefined }) {
  if (!values || values.length === 0) return null;
  return (
    <List listStyleType="none" spacing={2} aria-label="Values">
      {values.map((value, i) => (
        <List.Item key={i}>
          <ValueItem value={value} />
        </List.Item>
      ))}
    </List>
  );
}

/** Tags from `metadata.tags` (a comma-separated string upstream) or a list. */
export function stepTags(metadata: Record<string, unknown> | null | undefined): string[] {
  const tags = metadata?.tags;
  if (typeof tags === 'string') {
    return tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  }
  if (Array.isArray(tags)) return tags.map((t) => describe(t)).filter((t) => t !== '—');
  return [];
}

export function StepTags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4}>
      {tags.map((tag, index) => (
        // Tags can repeat ("a,a"); position keeps the keys unique.
        <Badge key={`${index}:${tag}`} variant="outline" color="gray" tt="none" size="sm">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
