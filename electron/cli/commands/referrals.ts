import type { Command } from 'commander';
import { z } from 'zod';
import { Facts, proposeReferrals, shippedRoutes } from '../../core/referrals/routes';
import { summarizeIssues, validate } from '../../core/validation';
import { CliUsageError, locale, print, readJsonFile, run, t, type GlobalOptions } from '../runtime';

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
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions & { facts: string; country?: string }) =>
      run(options, async () => {
        if (options.country !== undefined && !CountryOption.safeParse(options.country).success) throw new CliUsageError(t('validation.country'));
        const facts = readFacts(options.facts, options.country);
        const routes = shippedRoutes();
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
}
