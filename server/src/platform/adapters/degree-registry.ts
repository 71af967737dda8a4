/**
 * 学历学位核验 (SPEC §2): the national degree registry as the platform sees it. Domestic degrees from
 * 2001 on are looked up here; the demo implementation answers from seeded records with the latency and
 * failures of a remote service.
 */
export interface DegreeRecord {
  school: string;
  major: string;
  level: 'juniorCollege' | 'bachelor' | 'master' | 'doctor';
  graduationDate: string;
  certificateNumber: string;
}

export type DegreeLookup = { status: 'found'; records: DegreeRecord[] } | { status: 'notFound' };

export class RegistryUnavailableError extends Error {
  constructor(message = '学信数据服务暂时无法访问') {
    super(message);
  }
}

export interface DegreeRegistry {
  /** throws RegistryUnavailableError when the service cannot answer */
  lookup(q: { idNumber: string; realName: string }): Promise<DegreeLookup>;
}

export interface DemoBehaviour {
  latencyMs: number;
  failureRate: number;
  random?: () => number;
}

export class DemoDegreeRegistry implements DegreeRegistry {
  constructor(
    private readonly records: ReadonlyMap<string, { realName: string; records: DegreeRecord[] }>,
    private readonly behaviour: DemoBehaviour = { latencyMs: 30, failureRate: 0 },
  ) {}
  async lookup(q: { idNumber: string; realName: string }): Promise<DegreeLookup> {
    await new Promise((r) => setTimeout(r, this.behaviour.latencyMs));
    if ((this.behaviour.random ?? Math.random)() < this.behaviour.failureRate) throw new RegistryUnavailableError();
    const hit = this.records.get(q.idNumber);
    // the registry matches on ID number AND name, as the real one does
    if (!hit || hit.realName !== q.realName) return { status: 'notFound' };
    return { status: 'found', records: hit.records };
  }
}

/** Does a registry record confirm what the applicant entered? Same school, level and graduation month. */
export function matchDegree(
  records: DegreeRecord[],
  entry: { school: string; level?: string | undefined; graduationDate: string },
): DegreeRecord | null {
  return (
    records.find(
      (r) =>
        r.school === entry.school.trim() && r.level === entry.level && r.graduationDate.slice(0, 7) === entry.graduationDate.slice(0, 7),
    ) ?? null
  );
}
