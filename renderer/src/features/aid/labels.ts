import type { AidType } from '@core/domains/aid/contract';
import i18n from '../../app/i18n';

/** A kit or service type by its name in the UI language. */
export function aidTypeName(type: Pick<AidType, 'nameEs' | 'nameEn'> | undefined): string {
  if (!type) return '';
  return i18n.language === 'en' ? type.nameEn : type.nameEs;
}

/** A type's unit (kit, plate, bottle…) in the UI language. */
export function aidUnit(type: Pick<AidType, 'unitEs' | 'unitEn'> | undefined): string {
  if (!type) return '';
  return i18n.language === 'en' ? type.unitEn : type.unitEs;
}

/** "Once per arrival" / "at most once every 4 h". */
export function repeatRule(type: Pick<AidType, 'repeat'>): string {
  return type.repeat.kind === 'hours' ? i18n.t('aid.rule.hours', { hours: type.repeat.hours }) : i18n.t('aid.rule.per_arrival');
}
