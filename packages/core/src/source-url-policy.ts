import { sourceKind } from './camera-rules.js';
import { VigieError } from './errors.js';

/**
 * Where camera sources may point. By default: RTSP, RTSPS, HTTP(S) cameras anywhere but this machine,
 * link-local addresses and cloud metadata services; no local files. A deployment widens it explicitly.
 */
export interface SourceUrlPolicy {
  /** `file://` sources: the demo's clips (VIGIE_DEMO). */
  allowFiles: boolean;
  /** CIDR networks allowed although refused by default, e.g. `127.0.0.0/8` for a relay on this machine (VIGIE_CAMERA_NETWORKS). */
  allowedNetworks: readonly string[];
  /** The server's own API, refused whatever is allowed (it would fetch itself); its port is known once it listens. */
  server?: { addresses: readonly string[]; port: number };
}

/** The strict default: cameras on the network only. */
export const defaultSourceUrlPolicy: SourceUrlPolicy = { allowFiles: false, allowedNetworks: [] };

/** Networks refused unless allowed: this host, loopback, link-local (AWS/GCP/Azure metadata at 169.254.169.254). */
const refusedNetworks: readonly { cidr: string; what: string }[] = [
  { cidr: '0.0.0.0/8', what: 'an address of this machine' },
  { cidr: '127.0.0.0/8', what: 'a loopback address (this machine)' },
  { cidr: '169.254.0.0/16', what: 'a link-local address (cloud metadata services live there)' },
  { cidr: '100.100.100.200/32', what: 'a cloud metadata service' },
  { cidr: '::/128', what: 'an address of this machine' },
  { cidr: '::1/128', what: 'a loopback address (this machine)' },
  { cidr: 'fe80::/10', what: 'a link-local address' },
  { cidr: 'fd00:ec2::254/128', what: 'a cloud metadata service' },
];

/** Host names that always mean this machine or a metadata service, whatever DNS says. */
const refusedNames = /^(localhost|.*\.localhost|metadata|metadata\.google\.internal|instance-data)\.?$/i;

/** Why a source URL is refused by the policy, or undefined when it is allowed; the URL must be a supported one. */
export function sourceUrlRefusal(sourceUrl: string, policy: SourceUrlPolicy): string | undefined {
  const kind = sourceKind(sourceUrl);
  if (kind === 'file') {
    return policy.allowFiles ? undefined : 'is a local file: only the demo reads files (VIGIE_DEMO)';
  }
  const url = new URL(sourceUrl);
  const port = Number(url.port || defaultPorts[url.protocol]);
  const server = policy.server;
  const host = normalisedAddress(url.hostname);
  if (server !== undefined && port === server.port && server.addresses.some((a) => normalisedAddress(a) === host)) {
    return `points at this server's own API (${host}:${port})`;
  }
  return hostRefusal(url.hostname, policy);
}

const defaultPorts: Record<string, number> = { 'rtsp:': 554, 'rtsps:': 322, 'http:': 80, 'https:': 443 };

/**
 * Why a camera host (a name or an address, e.g. one a name resolved to) is refused by the policy, or
 * undefined when it is allowed.
 */
export function hostRefusal(hostname: string, policy: SourceUrlPolicy): string | undefined {
  // rtsp:// is not a "special" URL scheme: its host is left as typed (`2130706433`, `0x7f.1`). Parsed
  // again as http, it gets the normalisation resolvers apply (both mean 127.0.0.1).
  const host = normalisedAddress(hostname);
  const allow = 'allow its network in VIGIE_CAMERA_NETWORKS if a camera really is there';
  if (refusedNames.test(host)) return `points at ${host}, this machine or a metadata service; ${allow}`;
  const address = parseAddress(host);
  if (address === undefined) return undefined;
  const refused = refusedNetworks.find((n) => inNetwork(address, n.cidr));
  if (refused === undefined) return undefined;
  if (policy.allowedNetworks.some((cidr) => inNetwork(address, cidr))) return undefined;
  return `points at ${refused.what} (${host}); ${allow}`;
}

/** Throws SOURCE_URL_REFUSED when the policy refuses the source URL (UNSUPPORTED_SOURCE_URL when it is no source URL). */
export function assertSourceUrlAllowed(sourceUrl: string, policy: SourceUrlPolicy): void {
  const refusal = sourceUrlRefusal(sourceUrl, policy);
  if (refusal !== undefined) {
    throw new VigieError('SOURCE_URL_REFUSED', `This camera source ${refusal}.`, [
      { path: '/sourceUrl', reason: refusal },
    ]);
  }
}

/** The entries that are not valid CIDR networks (`10.0.0.0/8`, `::1/128` are), for the configuration's error. */
export function invalidNetworks(cidrs: readonly string[]): string[] {
  return cidrs.filter((cidr) => parseNetwork(cidr) === undefined);
}

interface Address {
  family: 4 | 6;
  value: bigint;
}

function normalisedAddress(host: string): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  try {
    return new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return bare;
  }
}

function parseAddress(text: string): Address | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  if (v6 === undefined) return undefined;
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is the IPv4 address.
  if (v6 >> 32n === 0xffffn) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((sum, part) => (sum << 8n) + BigInt(part), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return undefined;
  let groups = text;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail !== undefined) {
    const v4 = parseIpv4(tail);
    if (v4 === undefined) return undefined;
    groups = `${text.slice(0, -tail.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : (halves[0] ?? '').split(':');
  const rest = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] ?? '').split(':')) : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.reduce((sum, group) => (sum << 16n) + BigInt(`0x${group}`), 0n);
}

function parseNetwork(cidr: string): { address: Address; bits: number } | undefined {
  const [text = '', bitsText, extra] = cidr.trim().split('/');
  const address = parseAddress(normalisedAddress(text));
  if (address === undefined || extra !== undefined || bitsText === undefined || !/^\d{1,3}$/.test(bitsText)) {
    return undefined;
  }
  const bits = Number(bitsText);
  return bits <= (address.family === 4 ? 32 : 128) ? { address, bits } : undefined;
}

function inNetwork(address: Address, cidr: string): boolean {
  const network = parseNetwork(cidr);
  if (network === undefined || network.address.family !== address.family) return false;
  const width = BigInt(address.family === 4 ? 32 : 128);
  const shift = width - BigInt(network.bits);
  return address.value >> shift === network.address.value >> shift;
}
