/**
 * 证书查验 (SPEC §10): anyone may check a certificate number. Certificates are issued with issue 11 (expert
 * review, vote, certificate); that module adds its finder to CERTIFICATE_FINDERS. Until then the list is
 * empty and every number is honestly not found — there is no fake result to find.
 */
import type { Db } from '../../platform/db/client';

export type CertificateStatus = 'valid' | 'revoked';

/** What the public sees of a certificate: the holder's name and ID number masked, no phone. */
export interface PublicCertificate {
  certificateNumber: string;
  status: CertificateStatus;
  /** masked: maskPersonName */
  holderName: string;
  /** masked: maskIdNumber */
  idNumber: string;
  /** the title in words, e.g. 高级工程师 */
  title: string;
  specialty: string;
  committee: string;
  issuedOn: string;
  revokedOn: string | null;
  revokedReason: string | null;
}

export type CertificateFinder = (db: Db, certificateNumber: string) => Promise<PublicCertificate | null>;

/** Issue 11 appends the certificates module's finder (which masks before it returns). */
export const CERTIFICATE_FINDERS: readonly CertificateFinder[] = [];

export async function findCertificate(db: Db, certificateNumber: string): Promise<PublicCertificate | null> {
  for (const find of CERTIFICATE_FINDERS) {
    const hit = await find(db, certificateNumber);
    if (hit) return hit;
  }
  return null;
}
