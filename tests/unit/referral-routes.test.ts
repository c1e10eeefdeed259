import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import institutions from '../../resources/data/institutions.json';
import { Facts, proposeReferrals, RoutesDocument, shippedRoutes, type Route } from '../../electron/core/referrals/routes';

const base = (country: string) => Facts.parse({ country, age: 30, travelling: 'alone', indicators: [], needs: [], has_identity_document: true });

/**
 * For every shipped route, facts that fire it and the nearest facts that must not (the same
 * person without the one fact the route asks for, or in another country).
 */
const CASES: Record<string, { fires: Partial<Facts>; not: Partial<Facts> }> = {
  'gtm-unaccompanied-pgn': { fires: { age: 15, travelling: 'unaccompanied_minor' }, not: { age: 15, travelling: 'family' } },
  'gtm-unaccompanied-sbs': { fires: { age: 15, travelling: 'unaccompanied_minor' }, not: { age: 15, travelling: 'alone' } },
  'hnd-unaccompanied-senaf': { fires: { age: 16, travelling: 'unaccompanied_minor' }, not: { age: 16, travelling: 'family' } },
  'slv-unaccompanied-conapina': { fires: { age: 12, travelling: 'unaccompanied_minor' }, not: { age: 12, travelling: 'family' } },
  'gtm-family-sosep': { fires: { travelling: 'family' }, not: { travelling: 'alone' } },
  'gtm-trafficking-svet': { fires: { indicators: ['trafficking_indicators'] }, not: { indicators: ['survivor_of_violence'] } },
  'gtm-health-mspas': { fires: { indicators: ['chronic_illness'] }, not: { needs: ['work'] } },
  'gtm-mental-health-mspas': { fires: { indicators: ['suicidal_ideation'] }, not: { indicators: ['chronic_illness'] } },
  'gtm-addiction-seccatid': { fires: { needs: ['addiction'] }, not: { needs: ['health'] } },
  'gtm-identity-renap': { fires: { has_identity_document: false }, not: { has_identity_document: true } },
  'gtm-birth-abroad-renap': { fires: { needs: ['birth_registration'] }, not: { needs: ['school'] } },
  'hnd-birth-abroad-rnp': { fires: { needs: ['birth_registration'] }, not: { needs: ['identity_document'] } },
  'slv-birth-abroad-rnpn': { fires: { needs: ['birth_registration'] }, not: { needs: ['identity_document'] } },
  'gtm-job-mintrab': { fires: { needs: ['work'] }, not: { needs: ['training'] } },
  'gtm-training-intecap': { fires: { needs: ['training'] }, not: { needs: ['work'] } },
  'gtm-violence-pgn': { fires: { indicators: ['extortion_victim'] }, not: { indicators: ['trafficking_indicators'] } },
  'hnd-violence-pgr': { fires: { indicators: ['survivor_of_violence'] }, not: { indicators: ['pregnant'] } },
  'slv-violence-pgr': { fires: { indicators: ['survivor_of_violence'] }, not: { indicators: ['pregnant'] } },
  'slv-health-osi': { fires: { needs: ['health'] }, not: { needs: ['work'] } },
  'int-shelter-casa-migrante': { fires: { indicators: ['no_support_network'] }, not: { indicators: ['long_stay_abroad'] } },
  'int-legal-acnur': { fires: { indicators: ['persecution_risk_on_return'] }, not: { indicators: ['long_stay_abroad'] } },
  'int-reunification-cruz-roja': { fires: { needs: ['family_reunification'] }, not: { needs: ['shelter'] } },
};

const countryOf = (r: Route) => (r.country === '*' ? 'GTM' : r.country);
const fired = (facts: Facts) => proposeReferrals(facts).map((p) => p.rule);

describe('referral routes', () => {
  it('the shipped document is valid, and every route has a case here', () => {
    expect(RoutesDocument.safeParse(shippedRoutes()).success).toBe(true);
    expect(Object.keys(CASES).sort()).toEqual(shippedRoutes().routes.map((r) => r.id).sort());
  });

  for (const route of shippedRoutes().routes) {
    it(`${route.id}: fires on its facts, not on the nearest others, not in another country`, () => {
      const c = CASES[route.id]!;
      expect(fired({ ...base(countryOf(route)), ...c.fires })).toContain(route.id);
      expect(fired({ ...base(countryOf(route)), ...c.not })).not.toContain(route.id);
      if (route.country !== '*') expect(fired({ ...base(route.country === 'GTM' ? 'HND' : 'GTM'), ...c.fires })).not.toContain(route.id);
    });
  }

  it('a Guatemalan unaccompanied child is referred to PGN and SBS within the hour; unknown identity document proposes nothing', () => {
    const proposals = proposeReferrals(Facts.parse({ country: 'GTM', age: 15, travelling: 'unaccompanied_minor' }));
    expect(proposals.map((p) => [p.institution, p.priority, p.deadline_hours])).toEqual([
      ['PGN', 'high', 1],
      ['SBS', 'high', 1],
    ]);
  });

  it('names only institutions of the directory seed, and services the directory knows', () => {
    const codes = new Set(institutions.institutions.map((i) => i.code));
    const services = new Set(institutions.services.map((s) => s.code));
    const missing = [...new Set(shippedRoutes().routes.map((r) => r.institution).filter((c) => !codes.has(c)))].sort();
    expect(missing).toEqual([]);
    for (const r of shippedRoutes().routes) expect(services.has(r.service), r.id).toBe(true);
  });

  it('a malformed document is refused: duplicate ids, an empty condition, an unknown need', () => {
    const doc = structuredClone(shippedRoutes());
    expect(RoutesDocument.safeParse({ ...doc, routes: [...doc.routes, doc.routes[0]] }).success).toBe(false);
    expect(RoutesDocument.safeParse({ ...doc, routes: [{ ...doc.routes[0]!, when: {} }] }).success).toBe(false);
    expect(RoutesDocument.safeParse({ ...doc, routes: [{ ...doc.routes[0]!, when: { needs_any: ['yacht'] } }] }).success).toBe(false);
  });

  it('acogida referrals propose: the JSON other tools read, and bad facts refused in Spanish', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-routes-'));
    const file = path.join(dir, 'facts.json');
    fs.writeFileSync(file, JSON.stringify({ country: 'GTM', age: 15, travelling: 'unaccompanied_minor', indicators: ['trafficking_indicators'], needs: ['work'], has_identity_document: true }));
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es' } });
    const ok = cli(['referrals', 'propose', '--facts', file, '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    const out = JSON.parse(ok.stdout) as { proposals: Record<string, unknown>[]; routes_version: number };
    expect(Object.keys(out)).toEqual(['proposals', 'routes_version']);
    expect(Object.keys(out.proposals[0]!)).toEqual(['institution', 'service', 'priority', 'deadline_hours', 'rule']);
    expect(out.proposals.map((p) => p.institution)).toEqual(['PGN', 'SBS', 'SVET', 'MINTRAB']);
    const honduras = JSON.parse(cli(['referrals', 'propose', '--facts', file, '--country', 'HND', '--json']).stdout) as typeof out;
    expect(honduras.proposals.map((p) => p.institution)).toEqual(['SENAF']);
    fs.writeFileSync(file, JSON.stringify({ country: 'GTM', indicators: ['boredom'] }));
    const bad = cli(['referrals', 'propose', '--facts', file, '--json']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr + bad.stdout).toContain('Indicador desconocido');
  });
});
