/** CI helper: `create NAME` / `drop NAME` a database on the PostgreSQL server of PG_ADMIN_URL. */
import postgres from 'postgres';

const [command, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(command) || !/^[a-z0-9_]+$/.test(name ?? '')) {
  console.error('usage: tsx scripts/ci/database.ts create|drop <name>');
  process.exit(2);
}
const sql = postgres(process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', { onnotice: () => {} });
try {
  await sql.unsafe(`drop database if exists ${name} with (force)`);
  if (command === 'create') await sql.unsafe(`create database ${name}`);
} finally {
  await sql.end();
}
