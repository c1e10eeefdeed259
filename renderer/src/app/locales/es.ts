import { aidMessages } from '../../features/aid/messages';
import { alertsMessages } from '../../features/alerts/messages';
import { arrivalsMessages } from '../../features/arrivals/messages';
import { auditMessages } from '../../features/audit/messages';
import { authMessages } from '../../features/auth/messages';
import { belongingsMessages } from '../../features/belongings/messages';
import { careMessages } from '../../features/care/messages';
import { referralsMessages } from '../../features/referrals/messages';
import { summaryMessages } from '../../features/summary/messages';
import { flowMessages } from '../../features/flow/messages';
import { homeMessages } from '../../features/home/messages';
import { institutionsMessages } from '../../features/institutions/messages';
import { namesMessages } from '../../features/names/messages';
import { personsMessages } from '../../features/persons/messages';
import { registrationMessages } from '../../features/registration/messages';
import { screeningMessages } from '../../features/screening/messages';
import { settingsMessages } from '../../features/settings/messages';
import { setupMessages } from '../../features/setup/messages';
import { stockMessages } from '../../features/stock/messages';
import { syncMessages } from '../../features/sync/messages';
import { maintenanceMessages } from '../../features/maintenance/messages';
import { usersMessages } from '../../features/users/messages';
import type { Shape } from './shape';

/**
 * Spanish first: every string a screen shows. The texts shared by every screen are here; each
 * station's own are in renderer/src/features/<f>/messages.ts. English mirrors these keys (en.ts).
 */
export const es = {
  app: { name: 'Acogida', tagline: 'Recepción y atención de personas retornadas' },
  time: {
    centreZone: 'hora del centro ({{offset}})',
    centreClock: '{{time}} · hora del centro ({{offset}})',
    centreZoneHelp: 'Todas las fechas y horas de Acogida son las del centro ({{zone}}). Este equipo tiene otra zona horaria ({{workstation}}); su reloj puede mostrar otra hora u otro día.',
  },
  common: {
    save: 'Guardar',
    cancel: 'Cancelar',
    create: 'Crear',
    close: 'Cerrar',
    loading: 'Cargando…',
    yes: 'Sí',
    no: 'No',
    retry: 'Reintentar',
    loadMore: 'Cargar más',
    saved: 'Cambios guardados.',
    error: 'Error',
    networkError: 'No hay conexión con el servicio local de Acogida. Revise que la aplicación siga abierta.',
    forbiddenTitle: 'Sin permiso',
    forbiddenText: 'Su rol no le permite abrir esta pantalla. Si lo necesita, pida acceso a la coordinación.',
    notFound: 'Esta pantalla no existe.',
    datePlaceholder: 'dd/mm/aaaa',
    backHome: 'Volver al inicio',
  },
  roles: {
    clerk: 'Registrador/a',
    alert_officer: 'Oficial de verificación',
    protection_officer: 'Trabajador/a social',
    psychologist: 'Psicólogo/a',
    health: 'Personal de salud',
    manager: 'Coordinador/a',
    admin: 'Administración',
  },
  roleHelp: {
    clerk: 'Arribos, registro, consentimiento, kits y constancias',
    alert_officer: 'Listas de alerta y decisión sobre coincidencias',
    protection_officer: 'Vulnerabilidades, derivaciones y seguimiento',
    psychologist: 'Primeros auxilios psicológicos y sesiones confidenciales',
    health: 'Triaje, atención médica, medicamentos y referencia a hospital',
    manager: 'Resumen diario, inventario, personal e instituciones',
    admin: 'Instalación, respaldos, replicación y usuarios',
  },
  nav: {
    home: 'Inicio',
    stations: 'Estaciones',
    flow: 'Tablero de flujo',
    arrivals: 'Arribos',
    registration: 'Registro',
    alerts: 'Verificación de alertas',
    screening: 'Vulnerabilidades',
    aid: 'Ayuda humanitaria',
    care: 'Atención psicosocial',
    medical: 'Atención médica',
    careKeys: 'Llaves de notas',
    referrals: 'Derivaciones',
    summary: 'Resumen diario',
    administration: 'Administración',
    users: 'Usuarios',
    audit: 'Auditoría',
    institutions: 'Instituciones',
    settings: 'Configuración',
    sync: 'Servidor central',
    maintenance: 'Respaldos',
    names: 'Nombres y apodos',
    screeningRules: 'Reglas del semáforo',
    referralRoutes: 'Rutas de derivación',
    comingSoon: 'Disponible en una próxima versión',
    stock: 'Inventario',
    belongings: 'Pertenencias',
  },
  header: {
    language: 'Idioma',
    switchUser: 'Cambiar de usuario',
    lock: 'Bloquear pantalla',
    logout: 'Cerrar sesión',
    menu: 'Menú de {{name}}',
  },
  ...setupMessages.es,
  countries: {
    GTM: 'Guatemala',
    HND: 'Honduras',
    SLV: 'El Salvador',
    MEX: 'México',
    NIC: 'Nicaragua',
    CRI: 'Costa Rica',
  },
  ...authMessages.es,
  drafts: {
    restored: 'Se recuperó lo que estaba escribiendo (guardado a las {{time}}).',
    discard: 'Descartar y empezar de nuevo',
  },
  ...homeMessages.es,
  ...usersMessages.es,
  ...auditMessages.es,
  ...settingsMessages.es,
  ...arrivalsMessages.es,
  ...namesMessages.es,
  ...institutionsMessages.es,
  ...alertsMessages.es,
  ...registrationMessages.es,
  ...personsMessages.es,
  ...flowMessages.es,
  ...screeningMessages.es,
  ...careMessages.es,
  ...referralsMessages.es,
  ...summaryMessages.es,
  ...aidMessages.es,
  ...stockMessages.es,
  ...syncMessages.es,
  ...maintenanceMessages.es,
  ...belongingsMessages.es,
  tags: {
    gender: { F: 'Mujer', M: 'Hombre', X: 'Otro sexo' },
    age: { child: 'Niñez (0–12)', adolescent: 'Adolescente (13–17)', elder: 'Persona adulta mayor' },
    disability: 'Discapacidad {{type}}',
    interpreter: 'Necesita intérprete',
    lgbtiq: 'LGBTIQ+',
    title: 'Atención diferenciada',
  },
  search: {
    placeholder: 'Buscar persona por nombre, documento o expediente…',
    nothing: 'Nadie coincide.',
    hint: 'Ctrl+K',
    button: 'Buscar persona',
  },
  languages: { es: 'Español', en: 'English' },
};

export type Messages = Shape<typeof es>;
