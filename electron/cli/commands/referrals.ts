import type { Command } from 'commander';
import { z } from 'zod';
import { Facts, proposeReferrals, shippedRoutes } from '../../core/referrals/routes';
import { summarizeIssues, validate } from '../../core/validation';
import { ReferralStatus } from '../../core/domains/referrals/contract';
import { call, CliUsageError, locale, openCliCore, print, readJsonFile, run, t, type GlobalOptions } from '../runtime';

function readFacts(file: string, country: string | undefined) {
  const json = readJsonFile(file);
  // --country overrides (or supplies) the file's country.
  const withCountry = country && typeof json === 'object' && json !== null ? { ...json, country: country.toUpperCase() } : json;
  const result = validate(Facts, withCountry, locale);
  if (!result.success) throw new CliUsageError(t('errors.input.invalid', { summary: summarizeIssues(result.issues) }));
  return result.data;
}

const CountryOption = z.string().regex(/^[A-Za-z]{3}$/);

export function registerReferrals(program: Command): void {
  const referrals = program.command('referrals').description('Derivación a instituciones (rutas de derivación)');
  referrals
    .command('propose')
    .description('Propone derivaciones para unos hechos con las rutas de fábrica; no necesita base de datos ni guarda nada')
    .requiredOption('--facts <file>', 'JSON: {"country": "GTM", "age": 15, "travelling": "unaccompanied_minor", "indicators": […], "needs": […], "has_identity_document": true}')
    .option('--country <iso3>', 'país de retorno (reemplaza el del archivo)')
    .option('--db <file>', 'usar las rutas vigentes de esta base de datos (sin él, las de fábrica)')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions & { facts: string; country?: string }) =>
      run(options, async () => {
        if (options.country !== undefined && !CountryOption.safeParse(options.country).success) throw new CliUsageError(t('validation.country'));
        const facts = readFacts(options.facts, options.country);
        let routes = shippedRoutes();
        if (options.db) {
          const { core } = openCliCore(options);
          try {
            if (core.identity) routes = (await call(core, 'referrals.routes', {})).active.routes;
          } finally {
            core.db.close();
          }
        }
        const proposals = proposeReferrals(facts, routes);
        print(
          options,
          { proposals, routes_version: routes.version },
          proposals.length
            ? proposals.map((p) => t('cli.referralProposal', { institution: p.institution, service: p.service, priority: t(`cli.referralPriority.${p.priority}`), hours: p.deadline_hours, rule: p.rule })).join('\n')
            : t('cli.referralNone'),
        );
      }),
    );
  referrals
    .command('list')
    .description('Lista las derivaciones del centro, las más nuevas primero')
    .option('--db <file>', 'archivo de base de datos')
    .option('--status <status>', 'created | sent | received | attended | closed | rejected | cancelled')
    .option('--institution <code>', 'código de la institución (RENAP, PGN…)')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions & { status?: string; institution?: string }) =>
      run(options, async () => {
        if (options.status !== undefined && !ReferralStatus.safeParse(options.status).success) throw new CliUsageError(t('cli.referralStatus', { status: options.status }));
        const { core } = openCliCore(options);
        try {
          const rows = await call(core, 'referrals.list', { ...(options.status ? { status: options.status as 'sent' } : {}), ...(options.institution ? { institution: options.institution } : {}) });
          const referrals = rows.map((r) => ({
            id: r.id,
            person_id: r.personId,
            institution: r.institutionCode,
            service: r.service,
            priority: r.priority,
            status: r.status,
            deadline_at: r.deadlineAt,
            overdue: r.overdue,
            rule: r.rule,
            created_at: r.createdAt,
          }));
          print(options, { referrals }, referrals.length ? referrals.map((r) => `${r.created_at}  ${r.institution}  ${r.service}  ${r.status}${r.overdue ? ' !' : ''}`).join('\n') : t('cli.referralsNone'));
        } finally {
          core.db.close();
        }
      }),
    );
}
