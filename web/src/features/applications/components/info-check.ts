/**
 * 申报信息 must name a level, a mode and a specialty before the wizard goes on (issue 9 item 1): the later
 * steps (attachments of the mode, self-score, eligibility) depend on them. Each missing one says what to do.
 */
export interface InfoChoices {
  level: string | null;
  mode: string | null;
  specialtyCode: string | null;
}

export type InfoField = keyof InfoChoices;

export const INFO_FIELDS: ReadonlyArray<{ field: InfoField; id: string; message: string }> = [
  { field: 'level', id: 'wizard-level', message: '请选择申报级别' },
  { field: 'mode', id: 'wizard-mode', message: '请选择申报方式' },
  { field: 'specialtyCode', id: 'wizard-specialty', message: '请选择申报专业' },
];

/** The choices still missing, in the order of the form. */
export function missingInfo(meta: InfoChoices) {
  return INFO_FIELDS.filter((f) => !meta[f.field]);
}
