// `npm run users -- <command>`: manage callboard accounts from the server's shell, e.g. the first admin when
// CALLBOARD_ADMIN_EMAIL is not used. Passwords come from stdin (piped) or a prompt that does not echo; never from
// the command line, where they would land in shell history and the process list.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { roleSchema } from '../domain/access/principal';
import { addUser, removeUser, resetPassword, type UserAdminDeps } from './access/users';
import { parseConfig, type Config } from './config';
import type { AccessStore } from './store/access-store';
import { SqliteAccessStore } from './store/sqlite-access';
import { openSqliteDatabase } from './store/sqlite-store';

export const USAGE = `Usage:
  npm run users -- add <email> --role admin|manager   (password from stdin, or asked for)
  npm run users -- reset-password <email>             (password from stdin, or asked for; signs the user out)
  npm run users -- remove <email>
  npm run users -- list`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Reads a new password: piped stdin's first line, or a prompt without echo. */
  readPassword(): Promise<string>;
}

/** Runs one command; returns the process exit code (0 done, 1 refused, 2 usage). */
export async function runUsersCli(argv: string[], io: CliIo, deps: UserAdminDeps & { store: AccessStore }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string' } } });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [command, email, ...extra] = parsed.positionals;
  if (extra.length > 0) {
    io.err(`Unexpected arguments: ${extra.join(' ')} (the password is never an argument)\n${USAGE}`);
    return 2;
  }
  switch (command) {
    case 'list': {
      for (const user of deps.store.listUsers()) io.out(`${user.email}\t${user.role}\tsince ${new Date(user.createdAt).toISOString()}`);
      return 0;
    }
    case 'add': {
      const role = roleSchema.safeParse(parsed.values.role);
      if (email === undefined || !role.success) {
        io.err(`add needs an email and --role admin|manager\n${USAGE}`);
        return 2;
      }
      const result = await addUser(deps, { email, role: role.data, password: await io.readPassword() }, 'cli');
      if (!result.ok) return refuse(io, result.message);
      io.out(`Added ${result.user.email} (${result.user.role}).`);
      return 0;
    }
    case 'reset-password': {
      if (email === undefined) return usage(io, 'reset-password needs an email');
      const result = await resetPassword(deps, email, await io.readPassword(), 'cli');
      if (!result.ok) return refuse(io, result.message);
      io.out(`New password set for ${result.user.email}; their sessions have ended.`);
      return 0;
    }
    case 'remove': {
      if (email === undefined) return usage(io, 'remove needs an email');
      const result = removeUser(deps, email, 'cli');
      if (!result.ok) return refuse(io, result.message);
      io.out(`Removed ${result.user.email}.`);
      return 0;
    }
    default:
      return usage(io, command === undefined ? 'No command given' : `Unknown command: ${command}`);
  }
}

function usage(io: CliIo, message: string): number {
  io.err(`${message}\n${USAGE}`);
  return 2;
}

function refuse(io: CliIo, message: string): number {
  io.err(message);
  return 1;
}

async function readPipedLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '');
}

async function promptHidden(question: string): Promise<string> {
  let muted = false;
  // Echo goes through this stream; while muted, typed characters are swallowed so the password never shows.
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolveAnswer) => {
      rl.question(question, resolveAnswer);
      muted = true;
    });
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

async function readPasswordFromTerminal(): Promise<string> {
  if (!process.stdin.isTTY) return readPipedLine();
  const first = await promptHidden('New password: ');
  const second = await promptHidden('Again: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was changed.');
  return first;
}

/**
 * The access store the server's settings name, opened as the server opens it (same pragmas and migrations), so the
 * CLI writes where the server reads.
 */
function openAccessStore(config: Config): { access: AccessStore; close(): void } {
  const db = openSqliteDatabase(config.dbPath);
  return { access: new SqliteAccessStore(db), close: () => db.close() };
}

async function main(): Promise<void> {
  // The same settings as the server, so the CLI opens the database the server will read.
  const config = parseConfig(process.env);
  if (config.freshDatabase) {
    process.stderr.write(`Note: ${config.dbPath} is demo mode's database, emptied at every start. Set CALLBOARD_DB to keep accounts.\n`);
  }
  const opened = openAccessStore(config);
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readPassword: readPasswordFromTerminal,
  };
  try {
    process.exitCode = await runUsersCli(process.argv.slice(2), io, { store: opened.access, now: () => Date.now() });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    opened.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
