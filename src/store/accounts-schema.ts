/** Second factors of accounts (migration 0006). */
export interface AccountTables {
  secondFactors: SecondFactorTable;
  recoveryCodes: RecoveryCodeTable;
}

export interface SecondFactorTable {
  userId: string;
  /** The TOTP secret, sealed (AccountKeys): never the base32 text itself. */
  secret: string;
  confirmedAt: string | null;
  /** The last 30-second step whose code was accepted; 0 before any. */
  lastStep: number;
  createdAt: string;
}

export interface RecoveryCodeTable {
  userId: string;
  /** SHA-256 (hex) of the code's 16 letters: the codes are random, 80 bits each, so a fast hash suffices. */
  codeHash: string;
  createdAt: string;
}
