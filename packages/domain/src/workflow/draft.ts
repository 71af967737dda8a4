/** What the applicant fills in the wizard (SPEC §4), saved at every step; one shape for the server and the web. */
export interface ApplicationDraft {
  personalStatement?: string;
  entryIds?: string[];
  representativeWorkId?: string | null;
  selfScore?: Array<{ itemKey: string; points: number; evidenceIds: string[] }>;
  attachments?: Record<string, string>;
  recommenders?: number;
  hasApprovalForm?: boolean;
  transfer?: boolean;
  incomeTaxMultiples?: Array<{ year: number; multiple: number }>;
  mentoring?: boolean;
  /** set at submission: the entries as they were given to the application */
  submittedEntries?: Array<{ id: string; kind: string; summary: string; data: unknown; evidenceFileIds: string[] }>;
}
