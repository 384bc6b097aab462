import { Code, Table, Text } from '@mantine/core';
import { TableScroll } from '../../../ui/TableScroll';

function show(value: unknown) {
  if (value === null || value === undefined || value === '') {
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  }
  if (typeof value === 'object') {
    return (
      <Code block fz="xs">
        {JSON.stringify(value, null, 2)}
      </Code>
    );
  }
  return String(value);
}

/** Keys and values of a free-form object, values of any shape shown as text or JSON. */
export function KeyValueTable({ label, entries }: { label: string; entries: [string, unknown][] }) {
  return (
    <TableScroll minWidth={0}>
      <Table aria-label={label} variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {entries.map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th w={{ base: 130, sm: 220 }} style={{ overflowWrap: 'anywhere' }}>
                {key}
              </Table.Th>
              <Table.Td ff="monospace" fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {show(value)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
