import Type, { type Static } from 'typebox';
import type { AnalyticsEventType } from './analytic-event-types.js';
import { zonedDate } from './calendar.js';
import type {
  ComplianceIssue,
  ComplianceIssueCode,
  RecordOfProcessing,
  RetentionComplianceReport,
  RetentionComplianceRow,
  RuleVerdicts,
} from './compliance.js';
import type { LegalProfile } from './legal-profile.js';
import type { Role } from './permissions.js';
import { analyticsAllowedToRun, type Dpia } from './registry.js';
import { precisionOf, type PromotionPolicy } from './rule-settings.js';

/** How one requirement stands: met, not met (with what to fix), or outside what Vigie can check. */
export const checklistStatuses = ['pass', 'fail', 'manual'] as const;

/** One requirement's verdict for this installation. */
export const ComplianceCheckSchema = Type.Object(
  {
    requirement: Type.String({ description: 'The requirement, as numbered in docs/legal-requirements.md (R1–R29).' }),
    title: Type.String(),
    status: Type.Enum([...checklistStatuses]),
    findings: Type.Array(Type.String(), { description: 'What was found wrong (empty when it passes).' }),
    action: Type.String({ description: 'What to do: how to fix a failure, or how Vigie meets the requirement.' }),
  },
  { additionalProperties: false },
);

/** Every requirement of the active legal profile, with pass / fail / manual for this installation. */
export const ComplianceChecklistSchema = Type.Object(
  {
    generatedAt: Type.String({ format: 'date-time' }),
    profile: Type.String(),
    summary: Type.Object(
      { pass: Type.Integer(), fail: Type.Integer(), manual: Type.Integer() },
      { additionalProperties: false },
    ),
    checks: Type.Array(ComplianceCheckSchema),
  },
  { additionalProperties: false },
);

/** One requirement's verdict. */
export type ComplianceCheck = Static<typeof ComplianceCheckSchema>;
/** The whole checklist. */
export type ComplianceChecklist = Static<typeof ComplianceChecklistSchema>;

/** What the checklist is computed from: the per-camera report and the installation's state, read by the server. */
export interface InstallationFacts {
  now: Date;
  profile: LegalProfile;
  /** The per-camera retention and registry report (R1, R3, R6, R14, purposes of analytics). */
  cameras: RetentionComplianceReport;
  /** The audit chain as last verified (R11). */
  audit: { valid: boolean; entries: number };
  /** Access requests not answered by their deadline (R15). */
  overdueAccessRequests: number;
  /** Registered models lacking the attestation the profile asks for (R23). */
  unattestedModels: number;
  /** Who may see images (R8, R10): what is enforced, and the enrolled workstations. */
  habilitation: { enforced: boolean; workstationsRequired: boolean; enrolledWorkstations: number };
  /** Whether the data directory was seen on an encrypted (dm-crypt) volume (R13). */
  encryptedAtRest: boolean;
  /** When the audit trail, which the statutory register is drawn from, begins (R5); null when empty. */
  registerStartsAt: string | null;
  /** The accounts and their roles (R9). */
  accounts: readonly { username: string; roles: readonly Role[] }[];
  /** Operators' verdicts per camera, rule and month over the recent months (R24). */
  verdicts: readonly RuleVerdicts[];
  /** Below what precision, over at least how many decisions, a live rule counts as degraded (R24). */
  precisionPolicy: PromotionPolicy;
  /** Analysis authorisations not ended yet, with when each was recorded (R26). */
  analysisAuthorisations: readonly { reference: string; createdAt: string; startsAt: string }[];
  /** Each camera's analytics and the impact assessment covering them (R27). */
  impactAssessments: readonly {
    name: string;
    enabled: boolean;
    analytics: readonly AnalyticsEventType[];
    dpia: Dpia | undefined;
  }[];
  /** The record of processing as generated from the configuration (R28). */
  recordOfProcessing: RecordOfProcessing;
}

/** The languages the checklist is written in: French (the reference) and English. */
export const checklistLanguages = ['fr', 'en'] as const;

/** A language of the checklist. */
export type ChecklistLanguage = (typeof checklistLanguages)[number];

/** Roles that see images, and roles whose duty is to oversee or administer those who do (R9). */
const imageRoles: readonly Role[] = ['operator', 'supervisor'];
const oversightRoles: readonly Role[] = ['admin', 'dpo'];

/** The texts of the findings, one function per kind of finding, in each language. */
interface FindingTexts {
  roles: Record<Role, string>;
  mixedDuties: (username: string, oversees: string, sees: string) => string;
  outsideRegister: (camera: string, oldest: string, registerStartsAt: string | null) => string;
  degradedRule: (camera: string, type: string, precision: string, decisions: number, minimum: string) => string;
  noticeAfterStart: (reference: string, startsAt: string, publishedAt: string) => string;
  noAssessment: string;
  assessmentDoesNotCover: (reference: string, reviewOn: string) => string;
  uncoveredAnalytics: (camera: string, analytics: string, why: string) => string;
  recordGaps: Record<
    'controller' | 'dpo' | 'purposes' | 'subjects' | 'data' | 'recipients' | 'erasure' | 'security',
    string
  >;
  recordLacks: (gaps: string) => string;
  cameraIssue: Record<ComplianceIssueCode, (row: RetentionComplianceRow, issue: ComplianceIssue) => string>;
  habilitationNotEnforced: string;
  noWorkstation: string;
  auditBroken: (entries: number) => string;
  overdueAccessRequests: (n: number) => string;
  unattestedModels: (n: number) => string;
  defaultRetention: (days: number) => string;
}

const findingsFr: FindingTexts = {
  roles: { operator: 'opérateur', supervisor: 'superviseur', dpo: 'DPO', admin: 'administrateur', public: 'public' },
  mixedDuties: (username, oversees, sees) => `Le compte « ${username} » est à la fois ${oversees} et ${sees}.`,
  outsideRegister: (camera, oldest, start) =>
    `${camera} : un enregistrement du ${oldest} est antérieur au registre (${start === null ? 'vide' : `ouvert le ${start}`}).`,
  degradedRule: (camera, type, precision, decisions, minimum) =>
    `${camera} : précision de « ${type} » de ${precision} sur ${decisions} décisions (minimum ${minimum}).`,
  noticeAfterStart: (reference, startsAt, publishedAt) =>
    `L’autorisation ${reference} a pris effet le ${startsAt} mais n’a été publiée que le ${publishedAt}.`,
  noAssessment: 'aucune analyse d’impact',
  assessmentDoesNotCover: (reference, reviewOn) =>
    `l’analyse d’impact ${reference} (à réexaminer le ${reviewOn}) ne les couvre pas à ce jour`,
  uncoveredAnalytics: (camera, analytics, why) => `${camera} : ${analytics} — ${why}.`,
  recordGaps: {
    controller: 'responsable du traitement et contact',
    dpo: 'contact du DPO',
    purposes: 'finalités',
    subjects: 'catégories de personnes concernées',
    data: 'catégories de données personnelles',
    recipients: 'destinataires',
    erasure: 'délais d’effacement',
    security: 'mesures de sécurité',
  },
  recordLacks: (gaps) => `Il manque au registre des activités de traitement : ${gaps}.`,
  cameraIssue: {
    authorisation_missing: (row) => `${row.name} : aucune autorisation préfectorale n’est enregistrée.`,
    authorisation_expired: (row) =>
      `${row.name} : l’autorisation préfectorale a expiré le ${row.authorisation.expiresOn ?? '?'}.`,
    authorisation_renewal_due: (row) =>
      `${row.name} : dossier de renouvellement à déposer, l’autorisation expire le ${row.authorisation.expiresOn ?? '?'}.`,
    signage_missing: (row) => `${row.name} : aucun panneau n’informe le public de cette caméra.`,
    signage_planned: (row) => `${row.name} : le panneau est prévu mais pas encore installé.`,
    signage_photo_missing: (row) => `${row.name} : aucune photo du panneau installé n’est enregistrée.`,
    retention_above_legal_maximum: (row) =>
      `${row.name} : la durée de conservation de ${row.retentionDays} jours dépasse le maximum légal de ${row.legalMaxRetentionDays} jours.`,
    recordings_past_retention: (row) =>
      `${row.name} : un enregistrement du ${row.oldestUnheldRecordingStoredAt ?? row.oldestRecordingStoredAt ?? '?'} est encore conservé au-delà de ${row.retentionDays} jours, sans mesure de conservation qui le justifie.`,
    private_space_unmasked: (row) =>
      `${row.name} : le champ de vision donne sur un espace privé que ses masques de confidentialité ne cachent pas entièrement.`,
    analytic_not_justified: (row, issue) =>
      `${row.name} : l’analyse « ${issue.analytic ?? '?'} » n’est pas justifiée par les finalités de la caméra.`,
  },
  habilitationNotEnforced: 'Les images sont montrées sans vérifier les actes de désignation ni les formations.',
  noWorkstation: 'Les postes de travail sont exigés, mais aucun n’est enrôlé : personne ne peut voir les images.',
  auditBroken: (entries) => `La chaîne d’empreintes des ${entries} entrées du journal ne se vérifie pas.`,
  overdueAccessRequests: (n) => `${n} demande(s) d’accès au-delà de leur délai de réponse.`,
  unattestedModels: (n) => `${n} modèle(s) enregistré(s) sans attestation.`,
  defaultRetention: (days) => `La durée de conservation par défaut (${days} jours) dépasse le maximum légal.`,
};

/** A camera's issue as the per-camera report words it (in English). */
const englishIssue = (row: RetentionComplianceRow, issue: ComplianceIssue): string => `${row.name}: ${issue.message}`;

const findingsEn: FindingTexts = {
  roles: { operator: 'operator', supervisor: 'supervisor', dpo: 'dpo', admin: 'admin', public: 'public' },
  mixedDuties: (username, oversees, sees) => `Account "${username}" is both ${oversees} and ${sees}.`,
  outsideRegister: (camera, oldest, start) =>
    `${camera}: a recording from ${oldest} predates the register (${start === null ? 'empty' : `begun ${start}`}).`,
  degradedRule: (camera, type, precision, decisions, minimum) =>
    `${camera}: "${type}" precision ${precision} over ${decisions} decisions (minimum ${minimum}).`,
  noticeAfterStart: (reference, startsAt, publishedAt) =>
    `Authorisation ${reference} started ${startsAt} but was published only on ${publishedAt}.`,
  noAssessment: 'no impact assessment',
  assessmentDoesNotCover: (reference, reviewOn) =>
    `the assessment ${reference} (review due ${reviewOn}) does not cover them now`,
  uncoveredAnalytics: (camera, analytics, why) => `${camera}: ${analytics} — ${why}.`,
  recordGaps: {
    controller: 'controller and contact',
    dpo: 'DPO contact',
    purposes: 'purposes',
    subjects: 'categories of data subjects',
    data: 'categories of personal data',
    recipients: 'recipients',
    erasure: 'time limits for erasure',
    security: 'security measures',
  },
  recordLacks: (gaps) => `The record of processing lacks: ${gaps}.`,
  cameraIssue: {
    authorisation_missing: englishIssue,
    authorisation_expired: englishIssue,
    authorisation_renewal_due: englishIssue,
    signage_missing: englishIssue,
    signage_planned: englishIssue,
    signage_photo_missing: englishIssue,
    retention_above_legal_maximum: englishIssue,
    recordings_past_retention: englishIssue,
    private_space_unmasked: englishIssue,
    analytic_not_justified: englishIssue,
  },
  habilitationNotEnforced: 'Images are shown without checking designation acts and training.',
  noWorkstation: 'Workstations are required but none is enrolled: nobody can see images.',
  auditBroken: (entries) => `The hash chain of ${entries} entries does not verify.`,
  overdueAccessRequests: (n) => `${n} access request(s) past their deadline.`,
  unattestedModels: (n) => `${n} registered model(s) lack an attestation.`,
  defaultRetention: (days) => `The default retention (${days} days) exceeds the maximum.`,
};

const findingTexts: Record<ChecklistLanguage, FindingTexts> = { fr: findingsFr, en: findingsEn };

/** Finds what is wrong with one requirement, written in the given texts. */
type Finder = (facts: InstallationFacts, texts: FindingTexts) => string[];

/** Accounts that hold both an image role and an oversight role: duties not separated (R9). */
const mixedDuties: Finder = ({ accounts }, texts) =>
  accounts.flatMap(({ username, roles }) => {
    const sees = roles.filter((r) => imageRoles.includes(r)).map((r) => texts.roles[r]);
    const oversees = roles.filter((r) => oversightRoles.includes(r)).map((r) => texts.roles[r]);
    return sees.length > 0 && oversees.length > 0
      ? [texts.mixedDuties(username, oversees.join(', '), sees.join(', '))]
      : [];
  });

/** Stored recordings older than the audit trail: the register does not cover them (R5). */
const outsideRegister: Finder = ({ cameras, registerStartsAt }, texts) =>
  cameras.cameras.flatMap((row) => {
    const oldest = row.oldestRecordingStoredAt;
    if (typeof oldest !== 'string') return [];
    if (registerStartsAt !== null && Date.parse(oldest) >= Date.parse(registerStartsAt)) return [];
    return [texts.outsideRegister(row.name, oldest, registerStartsAt)];
  });

/** Live rules whose precision from operators' decisions fell below the minimum (R24). */
const degradedRules: Finder = ({ verdicts, precisionPolicy, cameras }, texts) => {
  const names = new Map(cameras.cameras.map((row) => [row.cameraId, row.name]));
  const totals = new Map<string, { cameraId: string; type: string; trueAlerts: number; falseAlarms: number }>();
  for (const v of verdicts) {
    if (v.shadow) continue;
    const key = `${v.cameraId}|${v.type}`;
    const total = totals.get(key) ?? { cameraId: v.cameraId, type: v.type, trueAlerts: 0, falseAlarms: 0 };
    total.trueAlerts += v.trueAlerts;
    total.falseAlarms += v.falseAlarms;
    totals.set(key, total);
  }
  return [...totals.values()].flatMap((t) => {
    const precision = precisionOf(t);
    const decisions = t.trueAlerts + t.falseAlarms;
    if (precision === null || decisions < precisionPolicy.minLabelled || precision >= precisionPolicy.minPrecision)
      return [];
    const percent = (x: number) => `${Math.round(x * 100)} %`;
    const camera = names.get(t.cameraId) ?? t.cameraId;
    return [texts.degradedRule(camera, t.type, percent(precision), decisions, percent(precisionPolicy.minPrecision))];
  });
};

/** Analysis authorisations recorded after they started: the public had no notice beforehand (R26). */
const noticeAfterStart: Finder = ({ analysisAuthorisations }, texts) =>
  analysisAuthorisations
    .filter((a) => Date.parse(a.createdAt) > Date.parse(a.startsAt))
    .map((a) => texts.noticeAfterStart(a.reference, a.startsAt, a.createdAt));

/** Enabled cameras running analytics no current impact assessment covers (R27). */
const uncoveredAnalytics: Finder = ({ impactAssessments, now, profile }, texts) => {
  const today = zonedDate(now, profile.timeZone);
  return impactAssessments.flatMap(({ name, enabled, analytics, dpia }) => {
    if (!enabled) return [];
    const { blocked } = analyticsAllowedToRun(analytics, dpia, today);
    if (blocked.length === 0) return [];
    const why = dpia === undefined ? texts.noAssessment : texts.assessmentDoesNotCover(dpia.reference, dpia.reviewOn);
    return [texts.uncoveredAnalytics(name, blocked.join(', '), why)];
  });
};

/** Article 30(1) fields the generated record lacks (R28). */
const recordGaps: Finder = ({ recordOfProcessing: record }, texts) => {
  const gaps: (keyof FindingTexts['recordGaps'])[] = [];
  if (record.controller.name.trim() === '' || record.controller.email.trim() === '') gaps.push('controller');
  if (record.dpo.email.trim() === '') gaps.push('dpo');
  if (record.retention.cameras.length > 0 && record.purposes.length === 0) gaps.push('purposes');
  if (record.dataSubjects.length === 0) gaps.push('subjects');
  if (record.dataCategories.length === 0) gaps.push('data');
  if (record.recipients.length === 0) gaps.push('recipients');
  if (record.retention.source.trim() === '') gaps.push('erasure');
  if (record.securityMeasures.length === 0) gaps.push('security');
  return gaps.length === 0 ? [] : [texts.recordLacks(gaps.map((gap) => texts.recordGaps[gap]).join(', '))];
};

/** Findings from the per-camera report: each enabled camera's issues of the given codes, named. */
function cameraIssues(codes: readonly ComplianceIssueCode[], onlyEnabled = true): Finder {
  return ({ cameras }, texts) =>
    cameras.cameras.flatMap((row) =>
      onlyEnabled && !row.enabled
        ? []
        : row.issues
            .filter((i) => codes.includes(i.code) && i.severity === 'blocking')
            .map((i) => texts.cameraIssue[i.code](row, i)),
    );
}

/** A requirement's texts in one language. */
interface RuleText {
  title: string;
  /** What to do when it fails (only rules that can fail). */
  fix?: string;
  /** How Vigie meets it when it passes (or why a person must check it). */
  how: string;
  /** What the person checks when a conditional `manual` holds (`how` describes the enforced case). */
  check?: string;
}

interface Rule {
  requirement: string;
  text: Record<ChecklistLanguage, RuleText>;
  /** Findings; absent when the requirement is met by construction (refused in code, tested). */
  find?: Finder;
  /** Outside what software can verify (or, as a function, not enforced here): a person checks it. */
  manual?: true | ((facts: InstallationFacts) => boolean);
}

/** A requirement, French first; the English must carry the same texts as the French (else a type error). */
function rule<T extends RuleText>(definition: Omit<Rule, 'text'> & { fr: T; en: { [K in keyof T]: string } }): Rule {
  const { fr, en, ...rest } = definition;
  return { ...rest, text: { fr, en } };
}

const rules: readonly Rule[] = [
  rule({
    requirement: 'R1',
    find: cameraIssues(['authorisation_missing', 'authorisation_expired']),
    fr: {
      title: 'Chaque caméra qui enregistre dispose d’une autorisation préfectorale en cours de validité',
      fix: 'Enregistrez l’autorisation (arrêté, dates) dans le registre légal, ou désactivez la caméra.',
      how: 'Une caméra sans autorisation valide n’enregistre pas et ne montre aucune image en direct.',
    },
    en: {
      title: 'Every recording camera has a valid prefectoral authorisation',
      fix: 'Record the authorisation (arrêté, dates) in the legal registry, or disable the camera.',
      how: 'A camera without a valid authorisation neither records nor shows live images.',
    },
  }),
  rule({
    requirement: 'R2',
    find: cameraIssues(['analytic_not_justified'], false),
    fr: {
      title: 'Chaque caméra déclare ses finalités ; analyses et exports s’y conforment',
      fix: 'Désactivez les analyses que ses finalités ne justifient pas, ou déclarez la finalité que l’autorisation accorde.',
      how: 'Un export doit citer l’une des finalités de la caméra ; les analyses sont refusées en dehors de celles-ci.',
    },
    en: {
      title: 'Each camera declares its purposes; analytics and exports follow them',
      fix: 'Disable the analytics its purposes do not justify, or declare the purpose the authorisation grants.',
      how: 'Exports must name one of the camera’s purposes; analytics are refused outside them.',
    },
  }),
  rule({
    requirement: 'R3',
    find: cameraIssues(['retention_above_legal_maximum', 'recordings_past_retention'], false),
    fr: {
      title: 'Une durée de conservation dans la limite légale, et rien de conservé au-delà',
      fix: 'Réduisez la durée de conservation ; laissez la purge s’exécuter (vérifiez que le serveur tourne et que son disque est accessible en écriture).',
      how: 'La purge supprime les images dont la durée de conservation est échue ; rien au-delà n’est servi.',
    },
    en: {
      title: 'Retention within the legal maximum, and nothing kept longer',
      fix: 'Lower the retention; let the purge run (check that the server runs and its disk is writable).',
      how: 'The purge deletes footage past retention; nothing past it is served.',
    },
  }),
  rule({
    requirement: 'R4',
    fr: {
      title:
        'Des images conservées au-delà de la durée légale uniquement sous une mesure de conservation référencée et limitée dans le temps',
      how: 'Une conservation judiciaire exige une référence de réquisition et une échéance ; les demandes d’accès retiennent leurs images.',
    },
    en: {
      title: 'Footage kept past retention only under a hold with a reference and an end',
      how: 'Legal holds need a requisition reference and an expiry; access requests hold their footage.',
    },
  }),
  rule({
    requirement: 'R5',
    find: outsideRegister,
    fr: {
      title: 'Le registre légal couvre chaque enregistrement, effacement et transmission',
      fix: 'Supprimez les images que le registre ne couvre pas (restaurées ou copiées hors de Vigie), ou demandez au DPO de les consigner à la main.',
      how: 'Enregistrements, purges et exports (avec leur destinataire) sont inscrits au journal d’audit, exporté comme registre.',
    },
    en: {
      title: 'The statutory register covers every recording, deletion and transmission',
      fix: 'Delete the footage the register does not cover (restored or copied in from outside Vigie), or ask the DPO to record it by hand.',
      how: 'Recordings, purges and exports (with their recipient) are written to the audit trail, exported as the register.',
    },
  }),
  rule({
    requirement: 'R6',
    find: cameraIssues(['private_space_unmasked'], false),
    fr: {
      title: 'Les espaces privés masqués avant l’enregistrement et l’affichage',
      fix: 'Tracez un masque de confidentialité sur l’espace privé dans l’éditeur de la caméra.',
      how: 'Les masques sont incrustés avant que le moindre pixel soit stocké ou affiché.',
    },
    en: {
      title: 'Private spaces masked before recording and display',
      fix: 'Draw a privacy mask over the private space in the camera editor.',
      how: 'Masks are burnt in before any pixel is stored or shown.',
    },
  }),
  rule({
    requirement: 'R7',
    fr: {
      title: 'Aucune captation du son',
      how: 'Le son est supprimé dès l’acquisition (ffmpeg -an), pour l’enregistrement, le direct et l’export.',
    },
    en: {
      title: 'No sound captured',
      how: 'Audio is dropped at ingest (ffmpeg -an) for recording, live and export.',
    },
  }),
  rule({
    requirement: 'R8',
    find: ({ habilitation }, texts) => (habilitation.enforced ? [] : [texts.habilitationNotEnforced]),
    fr: {
      title: 'Habilitation et formation des agents qui voient les images',
      fix: 'Utilisez un profil légal qui exige les habilitations, et enregistrez celle de chaque agent (PUT /api/users/{username}/habilitation).',
      how: 'Les images (direct, relecture, export, instantanés) sont refusées sans acte de désignation ni formation valides, et tracées.',
    },
    en: {
      title: 'Habilitation and training records of the agents who see images',
      fix: 'Use a legal profile that requires habilitations, and record each agent’s (PUT /api/users/{username}/habilitation).',
      how: 'Images (live, playback, export, snapshots) are refused without a valid designation act and training, audited.',
    },
  }),
  rule({
    requirement: 'R9',
    find: mixedDuties,
    fr: {
      title: 'Des rôles séparés ; seuls des agents habilités exportent',
      fix: 'Confiez à chaque personne une seule fonction : retirez le rôle d’administrateur ou de DPO aux comptes qui voient les images, ou créez des comptes distincts.',
      how: 'Direct, relecture, export, configuration et administration sont des permissions distinctes ; seuls les superviseurs habilités exportent.',
    },
    en: {
      title: 'Roles separated; only habilitated agents export',
      fix: 'Give each person one duty: remove the administration or DPO role from the accounts that see images, or create separate accounts.',
      how: 'Live, playback, export, configuration and administration are separate permissions; only supervisors export, with a habilitation.',
    },
  }),
  rule({
    requirement: 'R10',
    find: ({ habilitation }, texts) =>
      habilitation.workstationsRequired && habilitation.enrolledWorkstations === 0 ? [texts.noWorkstation] : [],
    // Without the requirement (VIGIE_REQUIRE_WORKSTATION), a person checks the console is reachable only there.
    manual: ({ habilitation }) => !habilitation.workstationsRequired,
    fr: {
      title: 'Des images uniquement sur les postes enregistrés de la salle de supervision',
      fix: 'Enrôlez les postes de la salle de supervision (POST /api/workstations), puis réclamez chaque clé depuis son navigateur.',
      check:
        'Vérifiez que la console n’est accessible que depuis la salle de supervision, ou définissez VIGIE_REQUIRE_WORKSTATION=true et enrôlez ses postes.',
      how: 'Les images sont refusées à tout navigateur qui ne détient pas la clé d’un poste enrôlé.',
    },
    en: {
      title: 'Images only on registered supervision-room workstations',
      fix: 'Enrol the supervision room’s workstations (POST /api/workstations), then claim each key on its browser.',
      check:
        'Check that the console is reachable only from the supervision room, or set VIGIE_REQUIRE_WORKSTATION=true and enrol its workstations.',
      how: 'Images are refused on any browser that does not hold an enrolled workstation’s key.',
    },
  }),
  rule({
    requirement: 'R11',
    find: ({ audit }, texts) => (audit.valid ? [] : [texts.auditBroken(audit.entries)]),
    fr: {
      title: 'Un journal d’audit infalsifiable',
      fix: 'Lancez « vigie audit verify » pour localiser la rupture, signalez-la au DPO et conservez la base de données comme preuve.',
      how: 'Chaque consultation, export, effacement et modification est chaîné par empreinte.',
    },
    en: {
      title: 'A tamper-evident audit trail',
      fix: 'Run "vigie audit verify" to locate the break, report it to the DPO and keep the database as evidence.',
      how: 'Every consultation, export, deletion and change is chained by hash.',
    },
  }),
  rule({
    requirement: 'R12',
    fr: {
      title: 'Des exports qui portent leur intégrité et sont chiffrés lorsqu’ils sortent',
      how: 'Les exports sont signés (Ed25519) avec un manifeste SHA-256 ; transmis à l’extérieur, ils sont scellés pour la clé du destinataire ou une phrase secrète (POST /api/exports/{id}/sealed), et tracés.',
    },
    en: {
      title: 'Exports carry their integrity and are encrypted when they leave',
      how: 'Exports are signed (Ed25519) with a SHA-256 manifest; sent outside sealed for the recipient’s key or a passphrase (POST /api/exports/{id}/sealed), audited.',
    },
  }),
  rule({
    requirement: 'R13',
    // Seen only for dm-crypt (LUKS); a self-encrypting disk or a provider-encrypted volume is a person's check.
    manual: ({ encryptedAtRest }) => !encryptedAtRest,
    fr: {
      title: 'Des données chiffrées au repos',
      check:
        'Vérifiez que le répertoire de données se trouve sur un volume chiffré (Vigie n’y a détecté ni dm-crypt ni LUKS), que TLS protège la console et que les sauvegardes ne survivent pas à la durée de conservation.',
      how: 'Le répertoire de données se trouve sur un volume dm-crypt ; servez la console derrière TLS et ne laissez aucune sauvegarde survivre à la durée de conservation.',
    },
    en: {
      title: 'Data encrypted at rest',
      check:
        'Check that the data directory lies on an encrypted volume (Vigie saw no dm-crypt / LUKS under it), that TLS protects the console, and that backups do not outlive retention.',
      how: 'The data directory lies on a dm-crypt volume; serve the console through TLS and let no backup outlive retention.',
    },
  }),
  rule({
    requirement: 'R14',
    find: cameraIssues(['signage_missing', 'signage_planned']),
    fr: {
      title: 'Chaque caméra est signalée au public',
      fix: 'Installez le panneau et enregistrez-le (avec sa photo) dans le registre légal.',
      how: 'La page publique de transparence liste chaque caméra, ses finalités et les droits des personnes.',
    },
    en: {
      title: 'Every camera is signposted',
      fix: 'Install the sign and record it (with its photo) in the legal registry.',
      how: 'The public transparency page lists every camera, its purposes and rights.',
    },
  }),
  rule({
    requirement: 'R15',
    find: ({ overdueAccessRequests: n }, texts) => (n === 0 ? [] : [texts.overdueAccessRequests(n)]),
    fr: {
      title: 'Des demandes d’accès traitées dans les délais',
      fix: 'Répondez aux demandes en retard depuis l’écran du DPO, ou prolongez leur délai en motivant la prolongation.',
      how: 'Les demandes retiennent leurs images et affichent le temps restant avant leur échéance.',
    },
    en: {
      title: 'Access requests answered within the deadline',
      fix: 'Answer the overdue requests in the DPO’s screen, or extend their deadline with a reason.',
      how: 'Requests hold their footage and count down to their deadline.',
    },
  }),
  rule({
    requirement: 'R16–R17',
    fr: {
      title: 'Ni lecture de plaques, ni reconnaissance faciale, ni identification biométrique',
      how: 'Refusé dans le code : de tels champs, analyses et modèles sont rejetés, avec la référence du texte de loi.',
    },
    en: {
      title: 'No plate reading, no facial recognition, no biometric identification',
      how: 'Refused in code: such fields, analytics and models are rejected, quoting the law.',
    },
  }),
  rule({
    requirement: 'R18–R19',
    fr: {
      title:
        'Des analyses d’alerte uniquement dans le cadre d’une autorisation d’analyse, pour les types d’événements permis',
      how: 'Les analyses démarrent et s’arrêtent d’elles-mêmes avec leur autorisation, et sont tracées.',
    },
    en: {
      title: 'Alert analytics only inside an analysis authorisation, for the allowed event types',
      how: 'Analytics start and stop with their authorisation by themselves, audited.',
    },
  }),
  rule({
    requirement: 'R20–R22',
    fr: {
      title: 'Un humain décide ; chaque alerte et chaque décision sont journalisées ; un bouton d’arrêt',
      how: 'Une alerte ne fait qu’inviter un opérateur à regarder ; les décisions sont tracées ; le bouton d’arrêt interrompt les analyses.',
    },
    en: {
      title: 'A human decides; every alert and decision is logged; a stop button',
      how: 'Alerts only invite an operator to look; verdicts are audited; the stop button halts analytics.',
    },
  }),
  rule({
    requirement: 'R23',
    find: ({ unattestedModels: n, profile }, texts) =>
      n === 0 || !profile.modelRegistry.attestationRequired ? [] : [texts.unattestedModels(n)],
    fr: {
      title: 'Seuls des modèles enregistrés et attestés sont exécutés',
      fix: 'Enregistrez la référence d’attestation de chaque modèle (« vigie registry model »), ou retirez le modèle.',
      how: 'L’empreinte SHA-256 d’un fichier de modèle est comparée à celle enregistrée avant son chargement.',
    },
    en: {
      title: 'Only registered, attested models run',
      fix: 'Record the attestation reference of each model ("vigie registry model"), or remove the model.',
      how: 'A model file is checked against its registered SHA-256 before it loads.',
    },
  }),
  rule({
    requirement: 'R24',
    find: degradedRules,
    fr: {
      title: 'La précision des analyses mesurée à partir des décisions des opérateurs, les dégradations signalées',
      fix: 'Repassez la règle dégradée en mode observation (ou arrêtez-la) et recalibrez-la ; l’évaluation figure au registre des activités de traitement.',
      how: 'Chaque décision alimente la précision de chaque règle, mois par mois, dans le registre des activités de traitement (analyticsEvaluation).',
    },
    en: {
      title: 'Analytics precision measured from operators’ decisions, degradations flagged',
      fix: 'Put the degraded rule back in shadow mode (or stop it) and recalibrate it; the evaluation is in the record of processing.',
      how: 'Each verdict feeds per-rule precision, month by month, in the record of processing (analyticsEvaluation).',
    },
  }),
  rule({
    requirement: 'R25',
    fr: {
      title: 'Aucune image opérationnelle dans les jeux d’entraînement',
      how: 'Vigie n’a ni jeu de données ni export d’entraînement : les images ne sortent que par un export pour une finalité déclarée, tracé.',
    },
    en: {
      title: 'No operational footage in training sets',
      how: 'Vigie has no dataset or training export: footage leaves only as an export for a declared purpose, audited.',
    },
  }),
  rule({
    requirement: 'R26',
    find: noticeAfterStart,
    fr: {
      title: 'Chaque autorisation d’analyse publiée avant sa prise d’effet',
      fix: 'Enregistrez une autorisation d’analyse avant sa prise d’effet afin que son avis soit public d’abord ; pour celle-ci, publiez un avis dès maintenant et informez le DPO.',
      how: 'L’avis public de chaque autorisation figure sur la page de transparence dès son enregistrement.',
    },
    en: {
      title: 'Each analysis authorisation published before it starts',
      fix: 'Record an analysis authorisation before its start so that its notice is public first; for this one, publish a notice now and tell the DPO.',
      how: 'The public notice of each authorisation is on the transparency page from the moment it is recorded.',
    },
  }),
  rule({
    requirement: 'R27',
    find: uncoveredAnalytics,
    fr: {
      title: 'Aucune analyse sans une analyse d’impact qui la couvre',
      fix: 'Enregistrez l’AIPD de la caméra (avis du DPO, moyens moins intrusifs étudiés, date de réexamen) dans le registre légal, ou désactivez ces analyses.',
      how: 'Les analyses qu’aucune AIPD en vigueur ne couvre sont suspendues, et s’arrêtent lorsque sa date de réexamen est dépassée.',
    },
    en: {
      title: 'No analytic runs without an impact assessment covering it',
      fix: 'Record the camera’s DPIA (DPO opinion, less intrusive means studied, review date) in the legal registry, or turn those analytics off.',
      how: 'Analytics a current DPIA does not cover are held back, and stop when its review date passes.',
    },
  }),
  rule({
    requirement: 'R28',
    find: recordGaps,
    fr: {
      title: 'Un registre des activités de traitement généré à partir de la configuration',
      fix: 'Complétez les contacts dans le fichier de configuration (responsable du traitement, DPO) et les finalités de chaque caméra.',
      how: 'GET /api/compliance/record-of-processing fournit chaque champ de l’article 30, paragraphe 1, dans un format lisible par machine.',
    },
    en: {
      title: 'A record of processing generated from the configuration',
      fix: 'Complete the contacts in the configuration file (controller, DPO) and each camera’s purposes.',
      how: 'GET /api/compliance/record-of-processing gives every art. 30(1) field, machine-readable.',
    },
  }),
  rule({
    requirement: 'R29',
    find: ({ profile }, texts) =>
      profile.defaultRetentionDays <= profile.maxRetentionDays
        ? []
        : [texts.defaultRetention(profile.defaultRetentionDays)],
    fr: {
      title: 'La protection des données par défaut',
      fix: 'Corrigez la durée de conservation par défaut du profil légal.',
      how: 'Une nouvelle caméra démarre sans analyse, avec une durée de conservation inférieure au maximum, sans son et sans rôle attribué par défaut.',
    },
    en: {
      title: 'Privacy by default',
      fix: 'Correct the legal profile’s default retention.',
      how: 'New cameras start with analytics off, retention below the maximum, no audio and no role by default.',
    },
  }),
];

/**
 * The compliance checklist of an installation, in the given language (French by default): each
 * requirement passes, fails (saying what to do), or needs a person.
 */
export function complianceChecklist(facts: InstallationFacts, language: ChecklistLanguage = 'fr'): ComplianceChecklist {
  const texts = findingTexts[language];
  const checks = rules.map((rule): ComplianceCheck => {
    const text = rule.text[language];
    const findings = rule.find?.(facts, texts) ?? [];
    const manual = typeof rule.manual === 'function' ? rule.manual(facts) : rule.manual === true;
    const status = manual ? 'manual' : findings.length > 0 ? 'fail' : 'pass';
    return {
      requirement: rule.requirement,
      title: text.title,
      status,
      findings,
      action: status === 'fail' ? (text.fix ?? text.how) : status === 'manual' ? (text.check ?? text.how) : text.how,
    };
  });
  const count = (status: ComplianceCheck['status']): number => checks.filter((c) => c.status === status).length;
  return {
    generatedAt: facts.now.toISOString(),
    profile: facts.profile.id,
    summary: { pass: count('pass'), fail: count('fail'), manual: count('manual') },
    checks,
  };
}
