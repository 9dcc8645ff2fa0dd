import { lookup } from 'node:dns/promises';
import { hostRefusal, sourceUrlRefusal, type SourceUrlPolicy } from '@vigie/core';

/**
 * Why the policy refuses a camera's source, looking through its host name too (a name can be made to
 * resolve to this machine or to a metadata service); a name that does not resolve is left to ffmpeg.
 */
export async function resolvedSourceRefusal(sourceUrl: string, policy: SourceUrlPolicy): Promise<string | undefined> {
  const direct = sourceUrlRefusal(sourceUrl, policy);
  if (direct !== undefined || sourceUrl.startsWith('file:')) return direct;
  const host = new URL(sourceUrl).hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = await lookup(host, { all: true }).catch(() => []);
  for (const { address } of addresses) {
    const refusal = hostRefusal(address, policy);
    if (refusal !== undefined) return `${refusal} (${host} resolves to ${address})`;
  }
  return undefined;
}
