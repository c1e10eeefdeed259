import { featureMessages } from '../../app/locales/shape';

/** The texts of this station's screens, Spanish first; the type makes English say the same keys. */
export const flowMessages = featureMessages({
  es: {
    flow: {
      title: 'Tablero de flujo',
      dayOf: 'Hoy en el centro: {{date}}',
      pastDay: 'Día {{date}} (abierto desde el resumen del día)',
      backToToday: 'Ver hoy',
      search: 'Buscar en el tablero',
      date: 'Fecha',
      arrival: 'Arribo',
      allArrivals: 'Todos los arribos',
      filter: { all: 'Todas', waiting: 'En el centro', expected: 'Esperadas', arrived: 'Llegaron', registered: 'Registradas', 'alerts-pending': 'Revisión de alertas', protection: 'Protección', 'on-hold': 'Retenidas', 'screening-pending': 'Sin tamizaje', overdue: 'Plazo vencido', 'urgent-risk': 'Riesgo — atención inmediata', 'referral-overdue': 'Derivación vencida', departed: 'Salieron' },
      filterLabel: 'Mostrar',
      priority: 'Prioridad',
      person: 'Persona',
      waiting: 'Espera',
      minutes: '{{count}} min',
      stages: { registered: 'Registro', consent: 'Consentimiento', alerts: 'Alertas', screening: 'Vulnerabilidad', kits: 'Kits', care: 'Atención', referral: 'Derivación', departed: 'Salida' },
      notInstalled: 'Estación aún no disponible',
      empty: 'No hay personas para estos filtros.',
    },
  },
  en: {
    flow: {
      title: 'Flow board',
      dayOf: 'Today at the centre: {{date}}',
      pastDay: 'Day {{date}} (opened from the daily summary)',
      backToToday: 'See today',
      search: 'Search the board',
      date: 'Date',
      arrival: 'Arrival',
      allArrivals: 'All arrivals',
      filter: { all: 'All', waiting: 'At the centre', expected: 'Expected', arrived: 'Arrived', registered: 'Registered', 'alerts-pending': 'Alert review', protection: 'Protection', 'on-hold': 'On hold', 'screening-pending': 'Not screened', overdue: 'Overdue', 'urgent-risk': 'Risk — immediate attention', 'referral-overdue': 'Referral overdue', departed: 'Left' },
      filterLabel: 'Show',
      priority: 'Priority',
      person: 'Person',
      waiting: 'Waiting',
      minutes: '{{count}} min',
      stages: { registered: 'Registration', consent: 'Consent', alerts: 'Alerts', screening: 'Vulnerability', kits: 'Kits', care: 'Care', referral: 'Referral', departed: 'Departure' },
      notInstalled: 'Station not available yet',
      empty: 'Nobody for these filters.',
    },
  },
});
