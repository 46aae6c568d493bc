import { Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { JurisdictionSummary } from '@shared/domain/deadline-entities';
import { triggerTypeLabels } from '@shared/deadlines';
import { offsetLabel } from '../deadlines/deadline-labels';

type Rule = JurisdictionSummary['rules'][number];

interface RulesTableProps {
  rules: Rule[];
  onEdit: (rule: Rule) => void;
  onReset: (rule: Rule) => void;
  resettingRuleId: string | null;
}

function SourceBadges({ rule }: { rule: Rule }) {
  return (
    <Group gap={4}>
      {rule.isUserOverride ? (
        <Badge size="xs" color="indigo" variant="filled" tt="none">
          Your change
        </Badge>
      ) : (
        <Badge size="xs" color={rule.source === 'federal' ? 'gray' : 'blue'} variant="light" tt="none">
          {rule.source === 'federal' ? 'Federal' : 'State preset'}
        </Badge>
      )}
      {!rule.isVerified && (
        <Tooltip label="Not checked against current state law yet" withArrow>
          <Badge size="xs" color="red" variant="outline" tt="none">
            Verify
          </Badge>
        </Tooltip>
      )}
      {rule.isUserThreshold && (
        <Badge size="xs" color="gray" variant="outline" tt="none">
          Your threshold
        </Badge>
      )}
    </Group>
  );
}

/** Each rule as it applies in the jurisdiction: name, citation, what starts it, how long, and where the numbers come from. */
export function RulesTable({ rules, onEdit, onReset, resettingRuleId }: RulesTableProps) {
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table layout="fixed" aria-label="Deadline rules" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="24%">Rule</Table.Th>
            <Table.Th w="20%">Citation</Table.Th>
            <Table.Th w="15%">Counts from</Table.Th>
            <Table.Th>Time allowed</Table.Th>
            <Table.Th w={150}>Source</Table.Th>
            <Table.Th w={130} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id} data-testid="rule-row">
              <Table.Td>
                <Tooltip label={rule.description} multiline w={360} openDelay={300} withArrow position="bottom-start">
                  <Text size="sm" fw={600} style={{ cursor: 'help' }}>
                    {rule.name}
                  </Text>
                </Tooltip>
                {rule.note && (
                  <Text size="xs" c="dimmed" lineClamp={2} title={rule.note}>
                    {rule.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{rule.citation}</Text>
                  {rule.federalCitation && (
                    <Text size="xs" c="dimmed">
                      federal: {rule.federalCitation}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{triggerTypeLabels[rule.trigger]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{rule.isUserThreshold ? 'Set per IEE request (default above)' : offsetLabel(rule.offset)}</Text>
                {rule.weekendPolicy === 'next_business_day' && (
                  <Text size="xs" c="dimmed">
                    weekend dates move to the next business day
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <SourceBadges rule={rule} />
              </Table.Td>
              <Table.Td>
                <Group gap={2} justify="flex-end" wrap="nowrap">
                  {!rule.isUserThreshold && (
                    <Button size="compact-xs" variant="subtle" onClick={() => onEdit(rule)} aria-label={`Edit ${rule.name}`}>
                      Edit
                    </Button>
                  )}
                  {rule.isUserOverride && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      loading={resettingRuleId === rule.id}
                      onClick={() => onReset(rule)}
                      aria-label={`Undo your change to ${rule.name}`}
                    >
                      Undo change
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
