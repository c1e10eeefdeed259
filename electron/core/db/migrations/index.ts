import { migration0001 } from './0001-identity-and-outbox';
import { migration0002 } from './0002-users-and-sessions';
import { migration0003 } from './0003-audit-log';
import { migration0004 } from './0004-arrivals-and-persons';
import { migration0005 } from './0005-institutions';
import { migration0006 } from './0006-alerts';
import { migration0007 } from './0007-screening';
import { migration0008 } from './0008-aid';
import { migration0009 } from './0009-alert-holds';
import { migration0010 } from './0010-form-drafts';
import { migration0011 } from './0011-manifest-imports';
import { migration0012 } from './0012-certificate-numbers';
import { migration0013 } from './0013-screening-notices';
import { migration0014 } from './0014-manifest-import-links';
import { migration0015 } from './0015-year-blocked-person-keys';
import { migration0016 } from './0016-sync';
import { migration0017 } from './0017-creation-keys';
import { migration0018 } from './0018-care';
import { migration0019 } from './0019-referrals';
import { migration0020 } from './0020-summary-indexes';
import { migration0021 } from './0021-erasures';
import type { Migration } from './types';

/** Explicit, ordered list. Append only; never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019, migration0020, migration0021];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
