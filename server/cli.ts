import { openDb, type DbConfig } from './db/connect';
import { CliError, parseCommand, runCommand, USAGE } from './cli/commands';

/**
 * The admin CLI. With --json it prints exactly one JSON object (the result, or
 * {"error","message"}) so scripts can parse it; otherwise short key: value lines for people.
 * Returns the process exit code.
 */
interface Output {
  write(text: string): unknown;
}

export async function runCli(
  argv: readonly string[],
  dbConfig: DbConfig,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const wantsJson = argv.includes('--json');
  const fail = (code: string, message: string): number => {
    if (wantsJson) out.write(`${JSON.stringify({ error: code, message })}\n`);
    else err.write(`${message}\n`);
    return code === 'unknown_command' || code === 'invalid_option' ? 2 : 1;
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseCommand(argv);
  } catch (error) {
    if (error instanceof CliError) return fail(error.code, error.message);
    return fail('invalid_option', error instanceof Error ? error.message : String(error));
  }
  const db = await openDb(dbConfig);
  try {
    const result = await runCommand(db, parsed);
    if (parsed.json) out.write(`${JSON.stringify(result)}\n`);
    else {
      // Nested values (settings, history) print as JSON rather than "[object Object]".
      for (const [key, value] of Object.entries(result)) {
        out.write(`${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}\n`);
      }
      if ('token' in result) err.write('Store this token now: it is shown only once.\n');
    }
    return 0;
  } catch (error) {
    if (error instanceof CliError) return fail(error.code, error.message);
    return fail('internal', error instanceof Error ? error.message : String(error));
  } finally {
    await db.close();
  }
}
