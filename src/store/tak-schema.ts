export interface TakTables {
  takCertificates: TakCertificateTable;
}

/** A client certificate the node's TAK certificate authority issued. */
export interface TakCertificateTable {
  /** Hexadecimal, upper case, as TLS reports a peer certificate's serial number. */
  serial: string;
  username: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}
