import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { JurisdictionSummary } from '@shared/domain/deadline-entities';
import { JURISDICTION_CODES } from '@shared/domain/vocabulary';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { IeeThresholdCard } from '../iee/IeeThresholdCard';
import { RuleOverrideModal } from './RuleOverrideModal';
import { RulesTable } from './RulesTable';
import { useClearRuleOverride, useJurisdictions } from './useJurisdictions';

type Rule = JurisdictionSummary['rules'][number];

/**
 * A state with neither a preset nor a change of the advocate's starts from the federal rules;
 * its first change creates it on main's side.
 */
function summaryFor(code: string, list: JurisdictionSummary[]): JurisdictionSummary {
  const known = list.find((jurisdiction) => jurisdiction.code === code);
  if (known) return known;
  const federal = list.find((jurisdiction) => jurisdiction.code === 'US')!;
  return { ...federal, code, name: code, isPreset: false, note: 'No preset for this state: the federal rules apply until you change one.', userOverrides: {} };
}

/** Federal defaults, state presets (to verify) and the advocate's own changes, rule by rule. */
export function RulesPage() {
  const { data, isLoading, error, refetch } = useJurisdictions();
  const [searchParams, setSearchParams] = useSearchParams();
  const [editing, setEditing] = useState<Rule | null>(null);
  const clear = useClearRuleOverride();
  const code = searchParams.get('state') ?? 'US';

  if (!data) {
    return (
      <>
        <PageHeader title="Deadline rules" />
        <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  const jurisdiction = summaryFor(code, data);
  const listed = new Set(data.map((item) => item.code));
  // Main leaves rules the advocate turned off out of the list; they stay here so the change can be undone.
  const federalRules = data.find((item) => item.code === 'US')?.rules ?? [];
  const turnedOff: Rule[] = Object.entries(jurisdiction.userOverrides)
    .filter(([, override]) => override.isDisabled)
    .map(([ruleId]) => federalRules.find((rule) => rule.id === ruleId) ?? ({ id: ruleId, name: ruleId } as Rule));
  const options = [
    {
      group: 'Presets and your states',
      items: data.map((item) => ({ value: item.code, label: item.code === 'US' ? 'Federal defaults (34 CFR Part 300)' : `${item.name} (${item.code})` })),
    },
    { group: 'Other states (federal rules)', items: JURISDICTION_CODES.filter((other) => !listed.has(other)).map((other) => ({ value: other, label: other })) },
  ];

  async function undo(rule: Rule) {
    try {
      await clear.mutateAsync({ code: jurisdiction.code as (typeof JURISDICTION_CODES)[number], ruleId: rule.id });
      notifySaved(`${rule.name} is back to the ${jurisdiction.isPreset && jurisdiction.code !== 'US' ? 'preset' : 'federal'} value`);
    } catch (failure) {
      notifyFailed(failure, 'Could not undo the change');
    }
  }

  return (
    <>
      <PageHeader
        title="Deadline rules"
        subtitle="Every deadline the app derives comes from one of these rules. Federal defaults apply unless a case’s state changes them."
      />
      <Stack gap="md">
        <IeeThresholdCard />
        <Paper withBorder radius="md">
          <Group justify="space-between" align="flex-end" p="md" wrap="wrap">
            <Stack gap={4}>
              <Group gap="xs">
                <Title order={3} size="h4">
                  {jurisdiction.name}
                </Title>
                {jurisdiction.isVerified ? (
                  <Badge color="teal" variant="light" tt="none">
                    Verified
                  </Badge>
                ) : (
                  <Badge color="red" variant="outline" tt="none">
                    Verify
                  </Badge>
                )}
              </Group>
              {jurisdiction.note && (
                <Text size="sm" c="dimmed" maw={760}>
                  {jurisdiction.note}
                </Text>
              )}
            </Stack>
            <Select
              label="Jurisdiction"
              data={options}
              value={jurisdiction.code}
              onChange={(value) => value && setSearchParams({ state: value }, { replace: true })}
              searchable
              allowDeselect={false}
              w={300}
            />
          </Group>
          {!jurisdiction.isVerified && (
            <Alert color="yellow" variant="light" mx="md" mb="md" title="Check these rules before relying on them">
              State presets ship from commonly cited timelines and state law changes. Open each rule marked Verify, compare it with current state law, and tick
              “I checked this rule” when it is right.
            </Alert>
          )}
          <RulesTable
            rules={jurisdiction.rules}
            onEdit={setEditing}
            onReset={(rule) => void undo(rule)}
            resettingRuleId={clear.isPending ? (clear.variables?.ruleId ?? null) : null}
          />
          {turnedOff.length > 0 && (
            <Group gap="xs" p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" c="dimmed">
                Rules you turned off for {jurisdiction.name}:
              </Text>
              {turnedOff.map((rule) => (
                <Button key={rule.id} size="compact-xs" variant="light" color="gray" onClick={() => void undo(rule)} aria-label={`Turn ${rule.name} back on`}>
                  {rule.name} · turn back on
                </Button>
              ))}
            </Group>
          )}
        </Paper>
      </Stack>
      {editing && <RuleOverrideModal jurisdiction={jurisdiction} rule={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
