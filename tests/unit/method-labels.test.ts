import { describe, expect, it } from 'vitest';
import { ALERT_REASONS } from '../../electron/core/domains/alerts/match';
import { contract } from '../../electron/core/contract';
import { en } from '../../renderer/src/app/locales/en';
import { es } from '../../renderer/src/app/locales/es';

describe('audit viewer labels', () => {
  it('names every contract method in Spanish and English', () => {
    const methods = Object.keys(contract);
    const missing = (labels: Record<string, string>) => methods.filter((m) => !labels[m]);
    expect(missing(es.methods)).toEqual([]);
    expect(missing(en.methods)).toEqual([]);
  });

  it('explains every alert reason in Spanish and English', () => {
    for (const reason of ALERT_REASONS) {
      expect(es.alerts.reasons[reason], reason).toBeTruthy();
      expect(en.alerts.reasons[reason], reason).toBeTruthy();
    }
  });
});
