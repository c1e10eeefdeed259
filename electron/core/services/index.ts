import type { MethodName } from '../contract';
import type { AnyHandler } from '../handler';
import { aidHandlers } from './aid';
import { aidTypesHandlers } from './aid-types';
import { alertsHandlers } from './alerts';
import { belongingsHandlers } from './belongings';
import { arrivalsHandlers } from './arrivals';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { consentHandlers } from './consent';
import { draftsHandlers } from './drafts';
import { flowHandlers } from './flow';
import { institutionsHandlers } from './institutions';
import { manifestsHandlers } from './manifests';
import { namesHandlers } from './names';
import { personsHandlers } from './persons';
import { screeningHandlers } from './screening';
import { screeningRulesHandlers } from './screening-rules';
import { settingsHandlers } from './settings';
import { setupHandlers } from './setup';
import { stockHandlers } from './stock';
import { usersHandlers } from './users';

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
  ...aidTypesHandlers,
  ...aidHandlers,
  ...belongingsHandlers,
  ...stockHandlers,
  ...draftsHandlers,
};
