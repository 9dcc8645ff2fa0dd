import type { Migration } from 'kysely';
import * as initial from './1795392000000-Initial.js';
import * as security from './1795410000000-Security.js';
import * as recording from './1795425000000-Recording.js';
import * as legalRegistry from './1795600000000-LegalRegistry.js';
import * as cameraAnalytics from './1795610000000-CameraAnalytics.js';
import * as cameraLines from './1795620000000-CameraLines.js';
import * as accessRequests from './1795630000000-AccessRequests.js';
import * as registryDpia from './1795640000000-RegistryDpia.js';
import * as alertSituations from './1796300000000-AlertSituations.js';
import * as ruleSettingsShadow from './1796300000001-RuleSettingsShadow.js';
import * as scaleOut from './1796500000000-ScaleOut.js';
import * as evidencePackages from './1796510000000-EvidencePackages.js';
import * as legalHolds from './1796520000000-LegalHolds.js';
import * as analysisAuthorisations from './1796600000000-AnalysisAuthorisations.js';
import * as modelRegistry from './1796600000001-ModelRegistry.js';
import * as operatorWall from './1797200000000-OperatorWall.js';
import * as onvifCameras from './1797000000000-OnvifCameras.js';
import * as alertQueueIndex from './1797300000000-AlertQueueIndex.js';
import * as auditCheckpoints from './1797300000001-AuditCheckpoints.js';
import * as loginAndTokens from './1797400000000-LoginAndTokens.js';
import * as cameraCalibration from './1797600000000-CameraCalibration.js';
import * as incidents from './1797700000000-Incidents.js';
import * as privateRegions from './1797800000000-PrivateRegions.js';
import * as segmentInitHash from './1797900000000-SegmentInitHash.js';
import * as countMethod from './1798000000000-CountMethod.js';
import * as cameraSite from './1798100000000-CameraSite.js';
import * as exportKeys from './1798200000000-ExportKeys.js';
import * as unmaskLifts from './1798300000000-UnmaskLifts.js';
import * as habilitations from './1798400000000-Habilitations.js';
import * as ptzPresetMasks from './1799400000000-PtzPresetMasks.js';
import * as ruleReplays from './1799500000000-RuleReplays.js';
import * as cameraOwnMasks from './1799640000000-CameraOwnMasks.js';
import * as streamPasswords from './1798500000000-StreamPasswords.js';

/** Every migration in order; a landed migration is never edited, a change gets a new one. */
export const migrations: Record<string, Migration> = {
  '1795392000000-Initial': initial,
  '1795410000000-Security': security,
  '1795425000000-Recording': recording,
  '1795600000000-LegalRegistry': legalRegistry,
  '1795610000000-CameraAnalytics': cameraAnalytics,
  '1795620000000-CameraLines': cameraLines,
  '1795630000000-AccessRequests': accessRequests,
  '1795640000000-RegistryDpia': registryDpia,
  '1796300000000-AlertSituations': alertSituations,
  '1796300000001-RuleSettingsShadow': ruleSettingsShadow,
  '1796500000000-ScaleOut': scaleOut,
  '1796510000000-EvidencePackages': evidencePackages,
  '1796520000000-LegalHolds': legalHolds,
  '1796600000000-AnalysisAuthorisations': analysisAuthorisations,
  '1796600000001-ModelRegistry': modelRegistry,
  '1797200000000-OperatorWall': operatorWall,
  '1797000000000-OnvifCameras': onvifCameras,
  '1797300000000-AlertQueueIndex': alertQueueIndex,
  '1797300000001-AuditCheckpoints': auditCheckpoints,
  '1797400000000-LoginAndTokens': loginAndTokens,
  '1797600000000-CameraCalibration': cameraCalibration,
  '1797700000000-Incidents': incidents,
  '1797800000000-PrivateRegions': privateRegions,
  '1797900000000-SegmentInitHash': segmentInitHash,
  '1798000000000-CountMethod': countMethod,
  '1798100000000-CameraSite': cameraSite,
  '1798200000000-ExportKeys': exportKeys,
  '1798300000000-UnmaskLifts': unmaskLifts,
  '1798400000000-Habilitations': habilitations,
  '1798500000000-StreamPasswords': streamPasswords,
  '1799400000000-PtzPresetMasks': ptzPresetMasks,
  '1799500000000-RuleReplays': ruleReplays,
  '1799640000000-CameraOwnMasks': cameraOwnMasks,
};
