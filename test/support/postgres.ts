// A PostgreSQL client for the tests that need a real server. CI (.ci/run) installs PostgreSQL 15
// from Debian and starts it; elsewhere such a test runs when a server answers at PGURL (default
// postgres://postgres:postgres@127.0.0.1:5432/postgres) and is skipped, saying so, when none does.
import pg from 'pg';

/** The server's URL, as the tests and .ci/run name it. */
export const postgresURL: string = process.env['PGURL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** A connected client, or undefined (with a warning naming `testFile`) when no server answers outside CI; in CI, no server is a failure. */
export async function connectPostgres(testFile: string): Promise<pg.Client | undefined> {
  const client = new pg.Client({ connectionString: postgresURL, connectionTimeoutMillis: 3000 });
  return client.connect().then(
    () => client,
    (error: unknown) => {
      if (process.env['CI']) throw new Error(`PostgreSQL is not reachable at ${postgresURL} in CI: ${String(error)}`);
      console.warn(`${testFile} skipped: no PostgreSQL at ${postgresURL} (${String(error)})`);
      return undefined;
    },
  );
}
