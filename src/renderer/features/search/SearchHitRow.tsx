import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { SEARCH_KIND_LABELS, type SearchHit } from '@shared/domain/search';
import { Link } from 'react-router';
import { hitPath } from './hit-links';
import { Highlighted } from './Highlighted';

/** One hit: what kind of record, its title (linked to where it lives) and the words around the match. */
export function SearchHitRow({ hit, context }: { hit: SearchHit; context?: string | null }) {
  return (
    <Stack gap={2} py="xs" px="md" data-testid="search-hit">
      <Group gap="xs" wrap="nowrap">
        <Badge size="sm" variant="light" color="gray" tt="none" fw={600} style={{ flexShrink: 0 }}>
          {SEARCH_KIND_LABELS[hit.kind]}
        </Badge>
        <Anchor component={Link} to={hitPath(hit)} fw={600} size="sm" truncate>
          <Highlighted text={hit.title} />
        </Anchor>
        {context && (
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {context}
          </Text>
        )}
      </Group>
      {hit.snippet && (
        <Text size="sm" c="dimmed" lineClamp={2}>
          <Highlighted text={hit.snippet} />
        </Text>
      )}
    </Stack>
  );
}
