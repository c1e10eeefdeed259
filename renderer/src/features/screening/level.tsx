import type { Level } from '@core/screening/rules';
import { INSTRUMENT } from '@core/screening/instrument';
import { Badge, Text, type BadgeProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../app/i18n';
import { centreNowMs } from '../../app/centre-time';
import { formatDateTime } from '../../app/format';

export const LEVEL_COLOR: Record<Level, string> = { red: 'red', yellow: 'yellow', green: 'teal' };

/** The traffic light as a badge: "Rojo · alta". */
export function LevelBadge({ level, short, ...props }: { level: Level; short?: boolean } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={LEVEL_COLOR[level]} variant="filled" autoContrast miw="max-content" data-testid="level-badge" data-level={level} {...props}>
      {t(short ? `screening.levelShort.${level}` : `screening.levels.${level}`)}
    </Badge>
  );
}

/** The current time, refreshed every `ms`: countdowns move without reloading. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(centreNowMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(centreNowMs()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** 3 h 20 min, or 2 d 5 h beyond a day. */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) return i18n.t('screening.days', { d, h });
  if (h) return i18n.t('screening.hours', { h, m });
  return i18n.t('screening.minutesOnly', { m });
}

/** Time left to act, or how long ago the deadline passed (in red); attended deadlines say so. */
export function Countdown({ deadlineAt, attendedAt, size = 'sm' }: { deadlineAt: string; attendedAt?: string | null; size?: string }) {
  const { t } = useTranslation();
  const now = useNow();
  if (attendedAt) return <Text size={size} c="teal.8" data-testid="countdown">{t('screening.attendedAt', { date: formatDateTime(attendedAt) })}</Text>;
  const left = Date.parse(deadlineAt) - now;
  return left >= 0 ? (
    <Text size={size} title={t('screening.deadlineAt', { date: formatDateTime(deadlineAt) })} data-testid="countdown">
      {t('screening.left', { time: duration(left) })}
    </Text>
  ) : (
    <Text size={size} c="red.8" fw={700} title={t('screening.deadlineAt', { date: formatDateTime(deadlineAt) })} data-testid="countdown" data-overdue>
      {t('screening.overdue', { time: duration(left) })}
    </Text>
  );
}

export function isOverdue(s: { deadlineAt: string; attendedAt: string | null } | null, now: number): boolean {
  return s !== null && !s.attendedAt && Date.parse(s.deadlineAt) < now;
}

/** An indicator in the user's language, as the instrument words it. */
export function indicatorLabel(id: string): string {
  const indicator = INSTRUMENT.indicators.find((i) => i.id === id);
  // Reasons the core adds from outside the interview (a confirmed missing-person alert).
  return indicator ? indicator.label[i18n.language === 'en' ? 'en' : 'es'] : i18n.t(`screening.extraReasons.${id}`, { defaultValue: id });
}
