import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { AuditCheckpointNotice } from './audit-checkpoint-notice';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
  } as Storage;
});

const render = (published: Parameters<typeof AuditCheckpointNotice>[0]['published']) =>
  renderToStaticMarkup(createElement(I18nProvider, { children: createElement(AuditCheckpointNotice, { published }) }));

describe('the audit checkpoint on the transparency page', () => {
  const key = { algorithm: 'Ed25519' as const, keyId: '0123456789abcdef', publicKeyPem: 'PEM' };

  it('shows the head hash, the signature, the count and the key of the newest checkpoint', () => {
    const html = render({
      ...key,
      checkpoint: {
        entries: 1234,
        headHash: 'ab'.repeat(32),
        at: '2026-11-30T10:00:00.000Z',
        keyId: key.keyId,
        signature: 'c2lnbmF0dXJl',
      },
    });
    expect(html).toContain('ab'.repeat(32));
    expect(html).toContain('c2lnbmF0dXJl');
    expect(html).toContain('1234');
    expect(html).toContain('0123456789abcdef');
  });

  it('says so when the trail has not been sealed yet, and shows nothing while loading', () => {
    expect(render({ ...key, checkpoint: null })).toMatch(/pas encore été scellé|not been sealed yet/);
    expect(render(undefined)).toBe('');
  });
});
