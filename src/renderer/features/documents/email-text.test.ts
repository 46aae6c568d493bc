import { describe, expect, it } from 'vitest';
import { emailText } from './email-text';

describe('email preview', () => {
  it('shows the sender, subject and the plain-text part of a multipart email', () => {
    const raw = [
      'From: Dana Ortiz <dortiz@district.example>',
      'To: parent@example.com',
      'Subject: IEP meeting',
      '  rescheduled',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'The meeting moves to May 3=2E Caf=C3=A9 at 9.',
      '--b1',
      'Content-Type: text/html',
      '',
      '<p>html</p>',
      '--b1--',
    ].join('\r\n');
    const view = emailText(raw);
    expect(view.headers).toEqual([
      { name: 'From', value: 'Dana Ortiz <dortiz@district.example>' },
      { name: 'To', value: 'parent@example.com' },
      { name: 'Subject', value: 'IEP meeting rescheduled' },
    ]);
    expect(view.body).toBe('The meeting moves to May 3. Café at 9.');
  });

  it('says so when an email has only HTML', () => {
    const view = emailText('Subject: x\nContent-Type: text/html\n\n<p>hi</p>');
    expect(view.body).toMatch(/no plain-text part/);
  });
});
