/**
 * MySQL test databases: each suite gets its own database on the server behind `TEST_DATABASE_URL`,
 * so suites running in parallel never see each other's rows.
 */
import mysql from 'mysql2/promise';

const NAME_PATTERN = /^[A-Za-z0-9_]{1,64}$/;

/** The URL of `baseUrl`'s server with `name` as its database. */
export function withDatabase(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops `name` if it exists, creates it empty and returns a URL that selects it. */
export async function createTestDatabase(baseUrl: string, name: string): Promise<string> {
  if (!NAME_PATTERN.test(name)) throw new Error(`bad test database name ${name}`);
  const connection = await mysql.createConnection({ uri: baseUrl, connectTimeout: 5_000 });
  try {
    await connection.query(`drop database if exists \`${name}\``);
    await connection.query(`create database \`${name}\` character set utf8mb4`);
  } finally {
    await connection.end();
  }
  return withDatabase(baseUrl, name);
}

export async function dropTestDatabase(baseUrl: string, name: string): Promise<void> {
  if (!NAME_PATTERN.test(name)) throw new Error(`bad test database name ${name}`);
  const connection = await mysql.createConnection({ uri: baseUrl, connectTimeout: 5_000 });
  try {
    await connection.query(`drop database if exists \`${name}\``);
  } finally {
    await connection.end();
  }
}
