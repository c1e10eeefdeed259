/**
 * One workstation's clerk delivering as fast as possible: run as its own process by
 * tests/integration/aid.test.ts, twice at once on the same database file.
 * Usage: node --import tsx tests/support/deliver-race.ts DB TOKEN TYPE_ID PERSON_ARRIVAL_ID...
 */
import { openCore } from '../../electron/core/core';
import { dispatch } from '../../electron/core/dispatch';

async function main() {
  const [file, token, typeId, ...targets] = process.argv.slice(2);
  const core = openCore(file!);
  const tally: Record<string, number> = {};
  for (const personArrivalId of targets) {
    const result = await dispatch(core, 'aid.deliver', { typeId: typeId!, target: { personArrivalId } }, { token: token! });
    const key = result.ok ? 'ok' : result.error.code;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  core.db.close();
  process.stdout.write(JSON.stringify(tally));
}

void main();
