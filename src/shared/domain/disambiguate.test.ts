import { describe, expect, it } from 'vitest';
import { disambiguators, nameKey, townOf } from './disambiguate';

describe('disambiguators', () => {
  it('gives no hint to a name nobody else has', () => {
    expect(disambiguators([{ id: 1, name: 'Okafor family', facets: ['Ada'] }]).size).toBe(0);
  });

  it('uses the first fact that tells a same-name group apart', () => {
    const hints = disambiguators([
      { id: 1, name: 'Garcia family', facets: ['Maya', 'Rosenfield ISD', '2014'] },
      { id: 2, name: 'García  Family', facets: ['Leo', 'Rosenfield ISD', '2015'] },
      { id: 3, name: 'Nguyen family', facets: ['Maya', 'Rosenfield ISD', '2014'] },
    ]);
    expect(hints).toEqual(
      new Map([
        [1, 'Maya'],
        [2, 'Leo'],
      ]),
    );
  });

  it('skips a fact the group shares and takes the next one', () => {
    const hints = disambiguators([
      { id: 1, name: 'Garcia family', facets: ['Sofia', 'Rosenfield ISD', '2014'] },
      { id: 2, name: 'Garcia family', facets: ['Sofia', 'Cedar Hollow ISD', '2014'] },
    ]);
    expect([hints.get(1), hints.get(2)]).toEqual(['Rosenfield ISD', 'Cedar Hollow ISD']);
  });

  it('combines two facts when no single one is enough', () => {
    const hints = disambiguators([
      { id: 1, name: 'Lee family', facets: ['Sam', 'Rosenfield ISD'] },
      { id: 2, name: 'Lee family', facets: ['Sam', 'Cedar Hollow ISD'] },
      { id: 3, name: 'Lee family', facets: ['Ava', 'Rosenfield ISD'] },
    ]);
    expect([hints.get(1), hints.get(2), hints.get(3)]).toEqual(['Sam · Rosenfield ISD', 'Sam · Cedar Hollow ISD', 'Ava · Rosenfield ISD']);
  });

  it('falls back to the record number when the facts are identical', () => {
    const hints = disambiguators([
      { id: 4, name: 'Lee family', facets: ['Sam', null] },
      { id: 9, name: 'Lee family', facets: ['Sam', null] },
    ]);
    expect([hints.get(4), hints.get(9)]).toEqual(['Sam · no. 4', 'Sam · no. 9']);
  });
});

describe('nameKey', () => {
  it('compares names without case, accents or extra spaces, whether or not they are plain ASCII', () => {
    expect(nameKey('  García \t Family ')).toBe('garcia family');
    expect(nameKey('Garcia family')).toBe('garcia family');
    expect(nameKey('ZOË  Brontë-Núñez')).toBe('zoe bronte-nunez');
    expect(nameKey('Le\u0301on')).toBe('leon');
    expect(nameKey('O’Brien')).toBe('o’brien');
  });

  it('puts three or more same-name families in one group', () => {
    const hints = disambiguators([
      { id: 1, name: 'Nguyen family', facets: ['An'] },
      { id: 2, name: 'nguyen  FAMILY', facets: ['Bao'] },
      { id: 3, name: 'Nguyễn family', facets: ['Chi'] },
    ]);
    expect([hints.get(1), hints.get(2), hints.get(3)]).toEqual(['An', 'Bao', 'Chi']);
  });
});

describe('townOf', () => {
  it('reads the town before the state and zip', () => {
    expect(townOf('4120 Maple Ave, Rosenfield, TX 75001')).toBe('Rosenfield');
    expect(townOf('12 Oak St, Cedar Hollow')).toBe('Cedar Hollow');
    expect(townOf('12 Oak St')).toBeNull();
    expect(townOf(null)).toBeNull();
  });
});
