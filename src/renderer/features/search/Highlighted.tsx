import { splitHighlights } from '@shared/domain/search';

/**
 * A marked title or snippet as text and <mark> nodes. The markers are control characters split
 * here, never HTML: whatever a note contains ('<b>', '<script>') renders as text.
 */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((segment, index) =>
        segment.isMatch ? (
          <mark
            key={index}
            style={{ backgroundColor: 'var(--mantine-color-yellow-2)', color: 'var(--mantine-color-black)', padding: '0 1px', borderRadius: 2 }}
          >
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
