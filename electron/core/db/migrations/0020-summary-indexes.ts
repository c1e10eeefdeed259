import type { Migration } from './types';

/**
 * The daily summary (issue 19) reads a day of deliveries, referrals and risk flags out of years
 * of them: each by the instant it happened, so each gets an index on that instant (measured:
 * without them, a day's summary at ten million events scans every delivery).
 */
export const migration0020: Migration = {
  version: 20,
  name: 'summary-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX aid_deliveries_at ON aid_deliveries (delivered_at);
      CREATE INDEX referrals_created ON referrals (created_at);
      CREATE INDEX care_risk_flags_raised ON care_risk_flags (raised_at);
    `);
  },
};
