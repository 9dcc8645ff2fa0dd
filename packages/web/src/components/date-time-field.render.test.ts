import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { DateTimeField } from './date-time-field';

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  globalThis.localStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
  } as Storage;
});

function render(language: 'fr' | 'en', value: string, seconds = false): string {
  store.set('vigie.language', language);
  return renderToStaticMarkup(
    createElement(I18nProvider, {
      children: createElement(DateTimeField, { label: 'Début', value, seconds, onChange: () => undefined }),
    }),
  );
}

describe('DateTimeField, rendered', () => {
  it('shows the day first and the time on the 24-hour clock in French', () => {
    const html = render('fr', '2026-11-30T14:05:09', true);
    expect(html).toMatch(/<fieldset class="date-time-field"><legend>Début<\/legend>/);
    expect(html).toMatch(/Jour<input[^>]*placeholder="jj\/mm\/aaaa"[^>]*value="30\/11\/2026"/);
    expect(html).toMatch(/Heure<input[^>]*placeholder="hh:mm"[^>]*value="14:05:09"/);
    expect(html).not.toMatch(/datetime-local|PM|AM/);
  });

  it('shows the same day-first, 24-hour form in English, whatever the browser', () => {
    const html = render('en', '2026-11-30T21:45');
    expect(html).toMatch(/Day<input[^>]*placeholder="dd\/mm\/yyyy"[^>]*value="30\/11\/2026"/);
    expect(html).toMatch(/Time<input[^>]*placeholder="hh:mm"[^>]*value="21:45"/);
    expect(html).not.toMatch(/datetime-local|PM|AM/);
  });

  it('leaves both parts empty when there is no value', () => {
    const html = render('en', '');
    expect(html).toMatch(/Day<input[^>]*value=""/);
    expect(html).toMatch(/Time<input[^>]*value=""/);
  });
});
