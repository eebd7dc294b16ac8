import { InitialSchema1764000000000 } from './1764000000000-InitialSchema.js';
import { CaseDetails1764100000000 } from './1764100000000-CaseDetails.js';
import { TokensAndFulfilment1764200000000 } from './1764200000000-TokensAndFulfilment.js';
import { SubmitPledgeBySlugs1764300000000 } from './1764300000000-SubmitPledgeBySlugs.js';
import { ServerSecrets1764400000000 } from './1764400000000-ServerSecrets.js';
import { PledgeCorrections1764410000000 } from './1764410000000-PledgeCorrections.js';
import { OrganiserNight1764500000000 } from './1764500000000-OrganiserNight.js';
import { FunctionFiles1764600000000 } from './1764600000000-FunctionFiles.js';
import { PledgeBatches17647000000000 } from './17647000000000-PledgeBatches.js';
import { TokenExpiry17648000000000 } from './17648000000000-TokenExpiry.js';
import { EventGoal17649000000000 } from './17649000000000-EventGoal.js';
import { ContentLanguages17651000000000 } from './17651000000000-ContentLanguages.js';
import { TranslationSources17653000000000 } from './17653000000000-TranslationSources.js';
import { EventPledgeDeadline17654000000000 } from './17654000000000-EventPledgeDeadline.js';
import { SeedKitTexts17655000000000 } from './17655000000000-SeedKitTexts.js';
import { SeedOnce17656000000000 } from './17656000000000-SeedOnce.js';
import { SeedNameTranslations17657000000000 } from './17657000000000-SeedNameTranslations.js';

/** Every migration, oldest first. A new migration is added here once written; none is ever edited. */
export const migrations = [
  InitialSchema1764000000000,
  CaseDetails1764100000000,
  TokensAndFulfilment1764200000000,
  SubmitPledgeBySlugs1764300000000,
  ServerSecrets1764400000000,
  PledgeCorrections1764410000000,
  OrganiserNight1764500000000,
  FunctionFiles1764600000000,
  PledgeBatches17647000000000,
  TokenExpiry17648000000000,
  EventGoal17649000000000,
  ContentLanguages17651000000000,
  TranslationSources17653000000000,
  EventPledgeDeadline17654000000000,
  SeedKitTexts17655000000000,
  SeedOnce17656000000000,
  SeedNameTranslations17657000000000,
];
