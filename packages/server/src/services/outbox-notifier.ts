import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, Notifier, OutgoingMessage } from '@vigie/core';

/** Encodes a header value (RFC 2047) so accents survive any mail relay. */
function header(value: string): string {
  return `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;
}

/**
 * Messages as RFC 5322 files (`.eml`) in an outbox folder, one per message, for the installation's mail
 * relay to send (any MTA's pickup directory or a cron `sendmail -t`): Vigie holds no mail credentials.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly folder: string,
    private readonly options: { from: string; clock: Clock },
  ) {}

  /** Writes the message to the outbox. */
  async send(message: OutgoingMessage): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const date = this.options.clock.now();
    const text = [
      `From: ${this.options.from}`,
      `To: ${message.to}`,
      `Subject: ${header(message.subject)}`,
      `Date: ${date.toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(message.text).toString('base64').replace(/.{76}/g, '$&\r\n'),
      '',
    ].join('\r\n');
    const name = `${date.toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`;
    await writeFile(join(this.folder, name), text, { mode: 0o600 });
  }
}
