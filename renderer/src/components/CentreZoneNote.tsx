import { Text, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { centreNow, centreTime, centreZoneNote, useCentreClock } from '../app/centre-time';

/**
 * "hora del centro (GMT-6)" where the workstation's own zone shows another wall clock than the
 * centre's, so a time on screen is never read as the laptop's; nothing where the zones agree.
 */
export function CentreZoneNote() {
  const { t } = useTranslation();
  useCentreClock();
  const label = centreZoneNote();
  return label ? <span data-testid="centre-zone-note">{t('time.centreZone', { offset: label })}</span> : null;
}

/** The header's discreet clock: the centre's time, shown only where the workstation's zone differs. */
export function CentreClockBadge() {
  const { t } = useTranslation();
  const { timeZone } = useCentreClock();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 15_000);
    return () => clearInterval(timer);
  }, []);
  const label = centreZoneNote();
  if (!label) return null;
  const workstation = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Tooltip label={t('time.centreZoneHelp', { zone: timeZone, workstation })} multiline w={320} withArrow>
      <Text size="xs" c="dimmed" data-testid="centre-clock" style={{ whiteSpace: 'nowrap' }} tabIndex={0}>
        {t('time.centreClock', { time: centreTime(centreNow()), offset: label })}
      </Text>
    </Tooltip>
  );
}
