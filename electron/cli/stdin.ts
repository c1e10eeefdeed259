import readline from 'node:readline';
import { CliUsageError, t } from './runtime';

/** Reads a password: the first line of stdin when piped, or a prompt without echo on a terminal. */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
    if (!line) throw new CliUsageError(t('cli.passwordEmpty'));
    return line;
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write(t('cli.passwordPrompt'));
  // Hide what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  if (!answer) throw new CliUsageError(t('cli.passwordEmpty'));
  return answer;
}
