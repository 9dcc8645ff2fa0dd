import Type, { type Static } from 'typebox';
import Value from 'typebox/value';

/**
 * Evidence packages (issue 15, LEGAL R12): an export travels as a ZIP holding the video, a manifest saying
 * what it is (camera, the range the file really covers, hashes, who, why), the installation's Ed25519
 * signature of the manifest's exact bytes, and the public key. Anyone can check it without Vigie's server:
 * `vigie verify` and the console's /verifier page both run `verifyEvidence` below.
 */

/** The names of the files of an evidence package. */
export const evidenceFiles = {
  manifest: 'manifest.json',
  signature: 'manifest.sig',
  publicKey: 'public-key.pem',
  video: 'video.mp4',
  readme: 'LISEZMOI-README.txt',
} as const;

/** The manifest format written today. */
export const evidenceFormat = 'vigie-evidence/1';

/** How far (seconds) the video's played length may differ from the range the manifest states. */
export const rangeTolerance = 0.5;

const DateTime = Type.String({ format: 'date-time' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Range = Type.Object({ from: DateTime, to: DateTime }, { additionalProperties: false });

/** The signed manifest of an evidence package: the single definition the server, CLI and browser use. */
export const EvidenceManifestSchema = Type.Object(
  {
    format: Type.Literal(evidenceFormat),
    id: Type.String({ format: 'uuid' }),
    installation: Type.Object({ keyId: Type.String({ pattern: '^[0-9a-f]{16}$' }) }, { additionalProperties: false }),
    camera: Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }),
    /** The range the person asked for. */
    requested: Range,
    /** The range the file really covers: first frame to end of last frame, read from the media itself. */
    covered: Type.Object(
      {
        from: DateTime,
        to: DateTime,
        /** `keyframe`: stream copy, the file starts at the keyframe before the requested start. */
        cut: Type.Literal('keyframe'),
      },
      { additionalProperties: false },
    ),
    purpose: Type.String(),
    reason: Type.String(),
    /** Reference of the judicial requisition, when the export answers one. */
    requisition: Type.Optional(Type.String()),
    exportedBy: Type.String(),
    exportedAt: DateTime,
    software: Type.Object({ name: Type.Literal('vigie'), version: Type.String() }, { additionalProperties: false }),
    /** Hash of the audit entry that recorded this export (the audit trail is hash-chained). */
    auditEntryHash: Sha256,
    /** The recorded segments the video was cut from, as the recorder hashed them. */
    segments: Type.Array(
      Type.Object({ startedAt: DateTime, endedAt: DateTime, sha256: Sha256 }, { additionalProperties: false }),
    ),
    files: Type.Array(
      Type.Object(
        { name: Type.String(), bytes: Type.Integer({ minimum: 0 }), sha256: Sha256 },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);
/** The signed manifest of an evidence package. */
export type EvidenceManifest = Static<typeof EvidenceManifestSchema>;

/** The files of a package, wherever they are (ZIP on disk, folder, file dropped in a browser). */
export interface EvidenceSource {
  names: readonly string[];
  size(name: string): number;
  /** The whole file; only called for the small ones (manifest, signature, key). */
  read(name: string): Promise<Uint8Array>;
  /** SHA-256 of the file, hex; streamed where the platform allows. */
  sha256(name: string): Promise<string>;
}

/** What verification needs from the platform: Node's crypto and ffmpeg, or WebCrypto and a <video>. */
export interface EvidenceTools {
  sha256(data: Uint8Array): Promise<string>;
  /** Whether `signature` is a valid Ed25519 signature of `data` by the SPKI-encoded public key. */
  verifyEd25519(input: { publicKeyDer: Uint8Array; signature: Uint8Array; data: Uint8Array }): Promise<boolean>;
  /** Seconds from the first frame to the end of the last one; undefined when the video does not play. */
  playedSeconds(name: string): Promise<number | undefined>;
}

/** What a check found. */
export type EvidenceCheckStatus = 'pass' | 'fail' | 'warn';

/** Why a package is rejected, or what a reader should confirm. */
export type EvidenceProblem =
  | 'PACKAGE_INCOMPLETE'
  | 'MANIFEST_UNREADABLE'
  | 'SIGNATURE_INVALID'
  | 'KEY_NOT_TRUSTED'
  | 'KEY_UNCONFIRMED'
  | 'FILE_ALTERED'
  | 'FILE_UNLISTED'
  | 'VIDEO_UNPLAYABLE'
  | 'RANGE_MISSTATED';

/** One line of a verification report, in French and English. */
export interface EvidenceCheck {
  status: EvidenceCheckStatus;
  problem?: EvidenceProblem;
  fr: string;
  en: string;
}

/** The outcome: verified (every check passed with a trusted key), unconfirmed key, or rejected. */
export interface EvidenceReport {
  verdict: 'verified' | 'unconfirmed_key' | 'rejected';
  /** Fingerprint of the key that signed the package. */
  keyId?: string;
  manifest?: EvidenceManifest;
  checks: EvidenceCheck[];
}

/** Options of a verification. */
export interface VerifyOptions {
  /** Fingerprints (16 hex) of the keys the reader trusts, from the installation's transparency page. */
  trustedKeyIds: readonly string[];
}

function pass(fr: string, en: string): EvidenceCheck {
  return { status: 'pass', fr, en };
}

function fail(problem: EvidenceProblem, fr: string, en: string): EvidenceCheck {
  return { status: 'fail', problem, fr, en };
}

/** The DER bytes of a PEM block (`-----BEGIN PUBLIC KEY-----`). */
export function pemToDer(pem: string): Uint8Array {
  const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  return base64ToBytes(body);
}

/** Decodes base64 (standard alphabet) without Node's Buffer, so the browser shares it. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text.trim());
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Fingerprint of an SPKI public key: SHA-256 of its DER bytes, hex, first 16 characters. */
export async function evidenceKeyId(publicKeyDer: Uint8Array, tools: Pick<EvidenceTools, 'sha256'>): Promise<string> {
  return (await tools.sha256(publicKeyDer)).slice(0, 16);
}

/** Seconds between two ISO times. */
function secondsBetween(range: { from: string; to: string }): number {
  return (Date.parse(range.to) - Date.parse(range.from)) / 1000;
}

/** Parses and checks a manifest's bytes; undefined with the reason when they are not a valid manifest. */
export function parseEvidenceManifest(bytes: Uint8Array): { manifest: EvidenceManifest } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { error: `not JSON (${(error as Error).message})` };
  }
  if (Value.Check(EvidenceManifestSchema, value)) return { manifest: value };
  const first = [...Value.Errors(EvidenceManifestSchema, value)][0];
  return { error: first === undefined ? 'invalid' : `${first.instancePath || '/'}: ${first.message}` };
}

async function checkFiles(source: EvidenceSource, manifest: EvidenceManifest): Promise<EvidenceCheck[]> {
  const checks: EvidenceCheck[] = [];
  for (const file of manifest.files) {
    if (!source.names.includes(file.name)) {
      checks.push(fail('FILE_ALTERED', `${file.name} manque au paquet.`, `${file.name} is missing from the package.`));
      continue;
    }
    const actual = await source.sha256(file.name);
    const size = source.size(file.name);
    if (actual === file.sha256 && size === file.bytes) {
      checks.push(pass(`${file.name} : empreinte SHA-256 identique.`, `${file.name}: SHA-256 matches.`));
    } else {
      checks.push(
        fail(
          'FILE_ALTERED',
          `${file.name} a été modifié : SHA-256 ${actual} (${size} octets) au lieu de ${file.sha256} (${file.bytes} octets) selon le manifeste.`,
          `${file.name} was altered: SHA-256 ${actual} (${size} bytes) instead of ${file.sha256} (${file.bytes} bytes) per the manifest.`,
        ),
      );
    }
  }
  const known = new Set<string>([...Object.values(evidenceFiles), ...manifest.files.map((f) => f.name)]);
  for (const name of source.names.filter((n) => !known.has(n) && !n.endsWith('/'))) {
    checks.push(
      fail(
        'FILE_UNLISTED',
        `${name} a été ajouté : le manifeste signé ne le mentionne pas.`,
        `${name} was added: the signed manifest does not list it.`,
      ),
    );
  }
  return checks;
}

async function checkMedia(manifest: EvidenceManifest, tools: EvidenceTools): Promise<EvidenceCheck[]> {
  const video = manifest.files.find((f) => f.name === evidenceFiles.video);
  if (video === undefined) return [];
  const played = await tools.playedSeconds(video.name);
  if (played === undefined) {
    return [fail('VIDEO_UNPLAYABLE', `${video.name} ne se lit pas.`, `${video.name} does not play.`)];
  }
  const stated = secondsBetween(manifest.covered);
  const range = `${manifest.covered.from} → ${manifest.covered.to}`;
  if (Math.abs(played - stated) > rangeTolerance) {
    return [
      fail(
        'RANGE_MISSTATED',
        `La vidéo dure ${played.toFixed(2)} s mais le manifeste annonce ${stated.toFixed(2)} s (${range}).`,
        `The video plays ${played.toFixed(2)} s but the manifest states ${stated.toFixed(2)} s (${range}).`,
      ),
    ];
  }
  return [
    pass(
      `La vidéo se lit et dure ${played.toFixed(2)} s, comme la période annoncée ${range}.`,
      `The video plays for ${played.toFixed(2)} s, as the stated range ${range}.`,
    ),
  ];
}

/**
 * Verifies a package: every file present, the manifest valid and signed by the key it carries, that key
 * one the reader trusts, each file's SHA-256 as signed, no file added, and the video playing for the range
 * the manifest states. Any failure makes the verdict `rejected`, with what differs.
 */
export async function verifyEvidence(
  source: EvidenceSource,
  tools: EvidenceTools,
  options: VerifyOptions,
): Promise<EvidenceReport> {
  const missing = [evidenceFiles.manifest, evidenceFiles.signature, evidenceFiles.publicKey].filter(
    (name) => !source.names.includes(name),
  );
  if (missing.length > 0) {
    const list = missing.join(', ');
    return {
      verdict: 'rejected',
      checks: [fail('PACKAGE_INCOMPLETE', `Fichiers manquants : ${list}.`, `Missing files: ${list}.`)],
    };
  }
  const [manifestBytes, signatureBytes, keyBytes] = await Promise.all([
    source.read(evidenceFiles.manifest),
    source.read(evidenceFiles.signature),
    source.read(evidenceFiles.publicKey),
  ]);
  let publicKeyDer: Uint8Array;
  let signature: Uint8Array;
  try {
    publicKeyDer = pemToDer(new TextDecoder().decode(keyBytes));
    signature = base64ToBytes(new TextDecoder().decode(signatureBytes));
  } catch {
    return {
      verdict: 'rejected',
      checks: [
        fail(
          'SIGNATURE_INVALID',
          'La clé publique ou la signature est illisible.',
          'The public key or the signature is unreadable.',
        ),
      ],
    };
  }
  const keyId = await evidenceKeyId(publicKeyDer, tools);
  const checks: EvidenceCheck[] = [];
  const signed = await tools.verifyEd25519({ publicKeyDer, signature, data: manifestBytes }).catch(() => false);
  checks.push(
    signed
      ? pass(`Signature Ed25519 valide (clé ${keyId}).`, `Valid Ed25519 signature (key ${keyId}).`)
      : fail(
          'SIGNATURE_INVALID',
          `La signature ne correspond pas au manifeste : il a été modifié après signature, ou signé par une autre clé que ${keyId}.`,
          `The signature does not match the manifest: it was edited after signing, or signed by another key than ${keyId}.`,
        ),
  );
  if (options.trustedKeyIds.length === 0) {
    checks.push({
      status: 'warn',
      problem: 'KEY_UNCONFIRMED',
      fr: `Comparez l’empreinte ${keyId} à celle publiée sur la page de transparence de l’installation.`,
      en: `Compare the fingerprint ${keyId} with the one published on the installation's transparency page.`,
    });
  } else if (options.trustedKeyIds.includes(keyId)) {
    checks.push(pass(`La clé ${keyId} est celle de l’installation.`, `Key ${keyId} is the installation's.`));
  } else {
    checks.push(
      fail(
        'KEY_NOT_TRUSTED',
        `Signé par la clé ${keyId}, qui n’est pas celle de l’installation (${options.trustedKeyIds.join(', ')}).`,
        `Signed by key ${keyId}, which is not the installation's (${options.trustedKeyIds.join(', ')}).`,
      ),
    );
  }
  const parsed = parseEvidenceManifest(manifestBytes);
  if ('error' in parsed) {
    checks.push(
      fail('MANIFEST_UNREADABLE', `Manifeste illisible : ${parsed.error}.`, `Unreadable manifest: ${parsed.error}.`),
    );
    return { verdict: 'rejected', keyId, checks };
  }
  const { manifest } = parsed;
  if (manifest.installation.keyId !== keyId) {
    checks.push(
      fail(
        'KEY_NOT_TRUSTED',
        `Le manifeste nomme la clé ${manifest.installation.keyId}, le paquet porte la clé ${keyId}.`,
        `The manifest names key ${manifest.installation.keyId}, the package carries key ${keyId}.`,
      ),
    );
  }
  checks.push(...(await checkFiles(source, manifest)));
  const filesIntact = checks.every((c) => c.problem !== 'FILE_ALTERED');
  if (filesIntact) checks.push(...(await checkMedia(manifest, tools)));
  const verdict = checks.some((c) => c.status === 'fail')
    ? 'rejected'
    : checks.some((c) => c.problem === 'KEY_UNCONFIRMED')
      ? 'unconfirmed_key'
      : 'verified';
  return { verdict, keyId, manifest, checks };
}
