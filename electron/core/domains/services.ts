import type { MethodName } from '../contract';
import type { AnyHandler } from '../handler';
import { aidHandlers } from './aid/service';
import { aidTypesHandlers } from './aid/types-service';
import { alertsHandlers } from './alerts/service';
import { belongingsHandlers } from './aid/belongings';
import { arrivalsHandlers } from './arrivals/service';
import { auditHandlers } from './audit/service';
import { authHandlers } from './auth/service';
import { careHandlers } from './care/service';
import { consentHandlers } from './consent/service';
import { draftsHandlers } from './drafts/service';
import { flowHandlers } from './flow/service';
import { institutionsHandlers } from './institutions/service';
import { manifestsHandlers } from './manifests/service';
import { namesHandlers } from './names/service';
import { personsHandlers } from './persons/service';
import { referralsHandlers } from './referrals/service';
import { screeningHandlers } from './screening/service';
import { screeningRulesHandlers } from './screening/rules-service';
import { settingsHandlers } from './settings/service';
import { setupHandlers } from './setup/service';
import { stockHandlers } from './stock/service';
import { summaryHandlers } from './summary/service';
import { maintenanceHandlers } from './maintenance/service';
import { erasureHandlers } from './erasure/service';
import { syncHandlers } from './sync/service';
import { usersHandlers } from './users/service';

/** Every contract method's service; the type makes a missing one a compile error. */
export const handlers: { readonly [M in MethodName]: AnyHandler<M> } = {
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...namesHandlers,
  ...arrivalsHandlers,
  ...manifestsHandlers,
  ...personsHandlers,
  ...consentHandlers,
  ...flowHandlers,
  ...institutionsHandlers,
  ...alertsHandlers,
  ...screeningHandlers,
  ...screeningRulesHandlers,
  ...careHandlers,
  ...referralsHandlers,
  ...aidTypesHandlers,
  ...aidHandlers,
  ...belongingsHandlers,
  ...stockHandlers,
  ...draftsHandlers,
  ...syncHandlers,
  ...summaryHandlers,
  ...maintenanceHandlers,
  ...erasureHandlers,
};
