// SQL against an addon's database from the tests, as an app would reach it with its URL
// (the simulator's local PostgreSQL in "real" mode).

import pg from 'pg';

/** A connected client for the database of `url`, as its own user or as `as`. */
export async function connectTo(url: string, as?: { user: string; password: string }): Promise<pg.Client> {
  const u = new URL(url);
  const client = new pg.Client({
    host: u.hostname,
    port: Number(u.port),
    database: u.pathname.slice(1),
    user: as?.user ?? decodeURIComponent(u.username),
    password: as?.password ?? decodeURIComponent(u.password),
    ssl: { rejectUnauthorized: false },
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  return client;
}

/** One statement as the URL's user; the rows it returns. */
export async function sqlAt<R extends Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = await connectTo(url);
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Whether `user` can log in to the database of `url` with `password`. */
export async function canLogIn(url: string, user: string, password: string): Promise<boolean> {
  try {
    await (await connectTo(url, { user, password })).end();
    return true;
  } catch {
    return false;
  }
}
