/**
 * From archive entries and the application draft to the rule engine's facts (SPEC §2: only approved
 * entries count). One function for the server (authoritative, at submission) and the browser (the
 * wizard's live check), so both evaluate exactly the same facts.
 */
import type { Facts } from '../rules/facts';
import type { ArchiveEntryData } from './entries';
import { effectiveEducationLevel } from './education';
import { isMountainCountyRegionId } from '../regions/zhejiang';

export function factsFromEntries(rows: ReadonlyArray<{ id: string; data: unknown }>): Facts {
  const f: Facts = {
    educations: [],
    titles: [],
    work: [],
    assessments: [],
    continuingEducation: [],
    achievements: [],
    fraudRoundYears: [],
  };
  for (const r of rows) {
    const d = r.data as ArchiveEntryData;
    switch (d.kind) {
      case 'education':
        f.educations.push({
          id: r.id,
          level: effectiveEducationLevel(d),
          graduationDate: d.graduationDate,
          isEngineering: d.isEngineering,
          isHighest: d.isHighest,
        });
        break;
      case 'title':
        f.titles.push({ id: r.id, level: d.level, grantedDate: d.grantedDate, isCurrent: d.isCurrent, series: d.series });
        break;
      case 'workExperience':
        // the region list decides (seed 003 附件3), not the entry: a stored id that is no mountain county earns nothing
        f.work.push({
          id: r.id,
          startMonth: d.startMonth,
          endMonth: d.endMonth ?? null,
          isEngineering: d.isEngineering,
          mountainCounty: isMountainCountyRegionId(d.mountainCountyRegionId),
          mountainCountyRegionId: d.mountainCountyRegionId || null,
        });
        break;
      case 'annualAssessment':
        f.assessments.push({ id: r.id, year: d.year, result: d.result });
        break;
      case 'continuingEducation':
        f.continuingEducation.push({
          id: r.id,
          year: d.year,
          hours: d.hours,
          category: d.category,
          registry: d.registry,
          channel: d.channel,
        });
        break;
      case 'achievement':
        f.achievements.push({ id: r.id, detail: d.detail });
        break;
      default:
        break;
    }
  }
  return f;
}

/** What the applicant states in the wizard that rules look at (self-score, recommenders, 破格 form, 转评 …). */
export function applicationFacts(draft: NonNullable<Facts['application']>): NonNullable<Facts['application']> {
  return {
    selfScore: draft.selfScore,
    entryIds: draft.entryIds,
    recommenders: draft.recommenders,
    hasApprovalForm: draft.hasApprovalForm,
    transfer: draft.transfer,
    incomeTaxMultiples: draft.incomeTaxMultiples,
    mentoring: draft.mentoring,
  };
}
