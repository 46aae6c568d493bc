import { describe, expect, it } from 'vitest';
import { withLazyExplanation } from './lazy-explanation';

describe('explanations built on first read', () => {
  it('builds the sentence once, when read, and keeps it', () => {
    let built = 0;
    const result = withLazyExplanation({ owed: 30 }, () => `built ${(built += 1)}`);
    expect(built).toBe(0);
    expect(result.explanation).toBe('built 1');
    expect(result.explanation).toBe('built 1');
    expect(built).toBe(1);
  });

  it('is an own, enumerable, last property: in JSON, structured and spread copies, in order, and nothing else is', () => {
    const result = withLazyExplanation({ owed: 30, delivered: 20 }, () => 'Owed 30 min; delivered 20 min.');
    expect(Object.keys(result)).toEqual(['owed', 'delivered', 'explanation']);
    expect(JSON.stringify(result)).toBe('{"owed":30,"delivered":20,"explanation":"Owed 30 min; delivered 20 min."}');
    expect(structuredClone(result)).toEqual({ owed: 30, delivered: 20, explanation: 'Owed 30 min; delivered 20 min.' });
    expect({ ...result }).toEqual({ owed: 30, delivered: 20, explanation: 'Owed 30 min; delivered 20 min.' });
  });

  it('can be replaced, and then never builds', () => {
    let built = 0;
    const result = withLazyExplanation({ owed: 30 }, () => `built ${(built += 1)}`);
    result.explanation = 'written';
    expect(result.explanation).toBe('written');
    expect(built).toBe(0);
  });

  it('keeps each object to its own sentence', () => {
    const first = withLazyExplanation({ id: 1 }, () => 'first');
    const second = withLazyExplanation({ id: 2 }, () => 'second');
    expect([second.explanation, first.explanation]).toEqual(['second', 'first']);
  });
});
