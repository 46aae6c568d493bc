import { ActionIcon, Badge, Checkbox, Group, Paper, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { DOCUMENT_CATEGORY_LABELS } from '@shared/domain/documents';
import { useState } from 'react';
import { formatDate } from '../../lib/dates';
import { moveItem, type PlanSection } from './binder-options';

function DragHandle() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      {[6, 12, 18].flatMap((y) => [9, 15].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />))}
    </svg>
  );
}

const GENERATED_WORDS: Record<string, string> = {
  cover: 'Generated: the cover page with the case, the student and your details',
  contacts: 'Generated: the people involved and how to reach them',
  position_statement:
    'Generated: the family’s position per issue from the meeting prep (edit it under Position statement); bottom lines and compromises never print',
  issues: 'Generated: the claims with their proposed resolution and status',
  chronology: 'Generated: dated facts, each citing its exhibit; your own notes only if you choose',
  agreements: 'Generated: each agreement’s terms as written, then the signed copy if imported',
  compliance_worksheet: 'Generated: each agreement term’s owed and delivered figures',
  progress_data: 'Generated: each IEP goal’s measurements with its trend, and each trial with its data and result',
};

interface BinderSectionListProps {
  sections: PlanSection[];
  onChange: (sections: PlanSection[]) => void;
}

/**
 * The binder's sections in order. Drag a section by its handle, or use the arrow buttons (the
 * keyboard path); switch whole sections off and untick single documents.
 */
export function BinderSectionList({ sections, onChange }: BinderSectionListProps) {
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);

  const setSection = (index: number, change: Partial<PlanSection>) =>
    onChange(sections.map((section, at) => (at === index ? { ...section, ...change } : section)));
  const setDocuments = (index: number, documents: PlanSection['documents']) => setSection(index, { documents });

  return (
    <Stack gap={6} role="list" aria-label="Binder sections in order">
      {sections.map((section, index) => {
        const usable = section.documents.filter((document) => !document.unusableReason);
        const included = usable.filter((document) => !document.isExcluded);
        return (
          <Paper
            key={section.id}
            role="listitem"
            withBorder
            radius="sm"
            p="xs"
            draggable
            data-testid="binder-section"
            onDragStart={(event) => {
              setDragIndex(index);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', section.id);
            }}
            onDragOver={(event) => {
              event.preventDefault();
              setOverIndex(index);
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragIndex !== null && dragIndex !== index) onChange(moveItem(sections, dragIndex, index));
              setDragIndex(null);
              setOverIndex(null);
            }}
            onDragEnd={() => {
              setDragIndex(null);
              setOverIndex(null);
            }}
            bg={section.include ? 'var(--mantine-color-body)' : 'light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))'}
            style={{
              opacity: dragIndex === index ? 0.5 : 1,
              borderColor: overIndex === index && dragIndex !== index ? 'var(--mantine-color-blue-5)' : undefined,
              borderWidth: overIndex === index && dragIndex !== index ? 2 : undefined,
            }}
          >
            <Group gap="xs" wrap="nowrap" align="center">
              <Text c="dimmed" style={{ cursor: 'grab', display: 'flex' }} title="Drag to reorder">
                <DragHandle />
              </Text>
              <Text size="sm" c="dimmed" w={20} ta="right">
                {index + 1}.
              </Text>
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600} c={section.include ? undefined : 'dimmed'} data-testid="binder-section-title">
                  {section.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {section.generated
                    ? GENERATED_WORDS[section.generated]
                    : section.documents.length === 0
                      ? 'No documents of this kind in the case'
                      : `${included.length} of ${section.documents.length} documents included`}
                </Text>
              </Stack>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === 0}
                onClick={() => onChange(moveItem(sections, index, index - 1))}
                aria-label={`Move ${section.title} up`}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === sections.length - 1}
                onClick={() => onChange(moveItem(sections, index, index + 1))}
                aria-label={`Move ${section.title} down`}
              >
                ↓
              </ActionIcon>
              <Switch
                checked={section.include}
                onChange={(event) => setSection(index, { include: event.currentTarget.checked })}
                aria-label={`Include ${section.title}`}
                size="sm"
              />
            </Group>
            {section.include && section.documents.length > 0 && (
              <Stack gap={2} mt={6} ml={52}>
                {section.documents.map((document, documentIndex) => (
                  <Group key={document.id} gap="xs" wrap="nowrap">
                    <Checkbox
                      size="xs"
                      checked={!document.isExcluded && !document.unusableReason}
                      disabled={document.unusableReason !== null}
                      onChange={(event) =>
                        setDocuments(
                          index,
                          section.documents.map((candidate) =>
                            candidate.id === document.id ? { ...candidate, isExcluded: !event.currentTarget.checked } : candidate,
                          ),
                        )
                      }
                      aria-label={`Include ${document.title}`}
                    />
                    <Text
                      size="xs"
                      style={{ flex: 1, minWidth: 0 }}
                      truncate
                      c={document.isExcluded || document.unusableReason ? 'dimmed' : undefined}
                      td={document.isExcluded ? 'line-through' : undefined}
                    >
                      {document.title}
                      {document.documentDate ? ` · ${formatDate(document.documentDate)}` : ''}
                      {document.pageCount ? ` · ${document.pageCount} p.` : ''}
                    </Text>
                    {document.unusableReason ? (
                      <Tooltip label={document.unusableReason} multiline maw={320}>
                        <Badge
                          size="xs"
                          color="orange"
                          variant="light"
                          tt="none"
                          style={{ overflow: 'visible', flexShrink: 0 }}
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          Cannot go in
                        </Badge>
                      </Tooltip>
                    ) : (
                      <Badge size="xs" variant="default" tt="none" fw={500}>
                        {DOCUMENT_CATEGORY_LABELS[document.category]}
                      </Badge>
                    )}
                    <ActionIcon
                      size="xs"
                      variant="subtle"
                      color="gray"
                      disabled={documentIndex === 0}
                      onClick={() => setDocuments(index, moveItem(section.documents, documentIndex, documentIndex - 1))}
                      aria-label={`Move ${document.title} up`}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      size="xs"
                      variant="subtle"
                      color="gray"
                      disabled={documentIndex === section.documents.length - 1}
                      onClick={() => setDocuments(index, moveItem(section.documents, documentIndex, documentIndex + 1))}
                      aria-label={`Move ${document.title} down`}
                    >
                      ↓
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
