import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { User } from '../domain/user.js';
import type { Store } from './database.js';
import type { Database, UserRow } from './schema.js';

export interface UserWithHash extends User {
  passwordHash: string;
}

export class UserRepository {
  private readonly db: Kysely<Database>;
  private readonly sqlite: SQLite.Database;
  private sessionUser: SQLite.Statement<[string, string], Omit<UserRow, 'passwordHash' | 'createdAt'>> | undefined;

  constructor(store: Pick<Store, 'db' | 'sqlite'>) {
    this.db = store.db;
    this.sqlite = store.sqlite;
  }

  async insert(user: UserWithHash, createdAt: string): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        nation: user.nation,
        role: user.role,
        passwordHash: user.passwordHash,
        createdAt,
      })
      .execute();
  }

  async findByUsername(username: string): Promise<UserWithHash | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && fromRow(row);
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').select(['id', 'username', 'displayName', 'nation', 'role']).where('id', '=', id).executeTakeFirst();
    return row && { ...row, role: row.role as User['role'] };
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(({ passwordHash: _hidden, ...user }) => fromRow({ ...user, passwordHash: '' }));
  }

  async insertSession(tokenHash: string, userId: string, createdAt: string, expiresAt: string): Promise<void> {
    await this.db.insertInto('sessions').values({ tokenHash, userId, createdAt, expiresAt }).execute();
  }

  /** The user behind a live session, or undefined when unknown or expired. */
  async findBySession(tokenHash: string, now: string): Promise<User | undefined> {
    // Asked before every authenticated request: one statement prepared once, not a query built each time.
    this.sessionUser ??= this.sqlite.prepare(
      `SELECT users.id, users.username, users.display_name AS displayName, users.nation, users.role
         FROM sessions JOIN users ON users.id = sessions.user_id
        WHERE sessions.token_hash = ? AND sessions.expires_at > ?`,
    );
    const row = this.sessionUser.get(tokenHash, now);
    return row && { ...row, role: row.role as User['role'] };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expiresAt', '<=', now).execute();
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ passwordHash }).where('id', '=', userId).execute();
  }

  /** Sessions, second factor and recovery codes go with the user (foreign keys, on delete cascade). */
  async remove(userId: string): Promise<void> {
    await this.db.deleteFrom('users').where('id', '=', userId).execute();
  }
}

function fromRow(row: UserRow): UserWithHash {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    nation: row.nation,
    role: row.role as User['role'],
    passwordHash: row.passwordHash,
  };
}
