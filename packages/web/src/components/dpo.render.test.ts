import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { ApiProblem } from './api-problem';
import { AuthorisationBadge } from './authorisation-badge';
import { blankDpia } from '../logic/registry-draft';
import { DpiaFields } from './dpia-fields';
import { RequestDeadline } from './request-deadline';

function render(element: ReactElement): string {
  return renderToStaticMarkup(createElement(I18nProvider, { children: element }));
}

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
  } as Storage;
});

const day = 86_400_000;

describe('the DPO’s small components, rendered', () => {
  it('RequestDeadline flags an overdue request in red with the days past, and counts down the others', () => {
    const past = new Date(Date.now() - 3 * day + 3_600_000).toISOString();
    const overdue = render(createElement(RequestDeadline, { dueAt: past, overdue: true, answered: false }));
    expect(overdue).toContain('class="deadline overdue"');
    expect(overdue).toContain('en retard de 3 j');
    const soon = render(
      createElement(RequestDeadline, {
        dueAt: new Date(Date.now() + 5 * day - 3_600_000).toISOString(),
        overdue: false,
        answered: false,
      }),
    );
    expect(soon).toContain('class="deadline"');
    expect(soon).toContain('encore 5 j');
    const answered = render(createElement(RequestDeadline, { dueAt: past, overdue: false, answered: true }));
    expect(answered).not.toContain('<strong>');
  });

  it('AuthorisationBadge names the state in words with its colour class and the last day covered', () => {
    const expired = render(
      createElement(AuthorisationBadge, {
        authorisation: { state: 'expired', expiresAt: '2026-03-01T23:00:00.000Z' },
        timeZone: 'Europe/Paris',
      }),
    );
    expect(expired).toContain('data-state="expired"');
    expect(expired).toContain('class="badge authorisation-expired"');
    expect(expired).toContain('Expirée');
    expect(expired).toContain('jusqu’au 1 mars 2026');
    const missing = render(
      createElement(AuthorisationBadge, {
        authorisation: { state: 'missing', expiresAt: null },
        timeZone: 'Europe/Paris',
      }),
    );
    expect(missing).toContain('Absente');
    expect(missing).not.toContain('jusqu’au');
  });

  it('ApiProblem shows the server’s message and each field to correct', () => {
    const html = render(
      createElement(ApiProblem, {
        failure: {
          status: 400,
          code: 'VALIDATION_FAILED',
          message: 'Invalid request body: /dpia/dpoOpinion must NOT have fewer than 10 characters.',
          details: [{ path: '/dpia/dpoOpinion', reason: 'must NOT have fewer than 10 characters' }],
        },
      }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Refusé par le serveur : Invalid request body');
    expect(html).toContain('<code>/dpia/dpoOpinion</code> must NOT have fewer than 10 characters');
    expect(render(createElement(ApiProblem, { failure: undefined }))).toBe('');
  });

  it('in English, dates are typed day first as the console writes them and shown on the city’s clock', () => {
    localStorage.setItem('vigie.language', 'en');
    try {
      const dpia = { ...blankDpia([], '2026-03-01'), reviewOn: '2027-03-01' };
      const fields = render(createElement(DpiaFields, { value: dpia, enabled: [], onChange: () => undefined }));
      expect(fields).not.toContain('type="date"');
      expect(fields).toContain('placeholder="dd/mm/yyyy"');
      expect(fields).toContain('value="01/03/2027"');
      expect(fields).toContain('To be reviewed by');
      // 23:30 UTC is already the next day in Paris, whatever the workstation's own zone.
      const deadline = render(
        createElement(RequestDeadline, { dueAt: '2026-11-30T23:30:00Z', overdue: true, answered: true }),
      );
      expect(deadline).toContain('1 Dec 2026');
    } finally {
      localStorage.setItem('vigie.language', 'fr');
    }
  });
});
