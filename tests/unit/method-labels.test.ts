import { describe, expect, it } from 'vitest';
import { ALERT_REASONS } from '../../electron/core/domains/alerts/match';
import { contract } from '../../electron/core/contract';
import { messages } from '../../electron/core/i18n/messages';
import { en } from '../../renderer/src/app/locales/en';
import { es } from '../../renderer/src/app/locales/es';

describe('audit viewer labels', () => {
  it('names every contract method in Spanish and English (each domain names its own)', () => {
    const methods = Object.keys(contract);
    const missing = (labels: Record<string, string>) => methods.filter((m) => !labels[m]);
    expect(missing(messages.es.methods)).toEqual([]);
    expect(missing(messages.en.methods)).toEqual([]);
    expect(Object.keys(messages.es.methods).sort()).toEqual([...methods].sort());
  });

  it('explains every alert reason in Spanish and English', () => {
    for (const reason of ALERT_REASONS) {
      expect(es.alerts.reasons[reason], reason).toBeTruthy();
      expect(en.alerts.reasons[reason], reason).toBeTruthy();
    }
  });
});
