/**
 * Turns what the advocate typed into a valid FTS5 query. Nothing typed is ever passed through as
 * query syntax: every word becomes a quoted string (a double quote inside is doubled), so AND, OR,
 * NOT, NEAR, column filters (title:), parentheses, '^' and '*' are plain text and an unbalanced
 * quote cannot make the query fail. Words are ANDed; the last word also matches as a prefix,
 * because the palette searches while the advocate is still typing it.
 */

/** Characters the unicode61 tokenizer keeps in tokens (letters, digits, private use); all else separates. */
const TOKEN_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;
const SEPARATOR = /[^\p{L}\p{N}\p{Co}]+/u;

/** More words than this add nothing a person types into a search box and only slow the query. */
export const MAX_QUERY_WORDS = 12;

/** A prefix of one character matches a large part of the vocabulary; it is searched as a whole word. */
const MIN_PREFIX_LENGTH = 2;

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** The FTS5 MATCH expression for `text`, or null when it holds no searchable word. */
export function toFtsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((word) => TOKEN_CHARACTER.test(word))
    .slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  return words
    .map((word, index) => {
      const isLast = index === words.length - 1;
      const tokens = word.split(SEPARATOR).filter(Boolean);
      const lastToken = tokens[tokens.length - 1] ?? '';
      return isLast && [...lastToken].length >= MIN_PREFIX_LENGTH ? `${quote(word)}*` : quote(word);
    })
    .join(' ');
}
