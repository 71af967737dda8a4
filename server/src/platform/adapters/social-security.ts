/**
 * 社保缴纳 (SPEC §2): the last 3 years from the provincial data source. Periods outside the province need
 * uploaded proof (or, seed 002 五(三), contract + bank salary records + tax proof).
 */
import type { DemoBehaviour } from './degree-registry';
import { RegistryUnavailableError } from './degree-registry';

export interface ContributionPeriod {
  startMonth: string;
  endMonth: string;
  province: string;
  employerName: string;
}

export interface SocialSecuritySource {
  /** periods overlapping [fromMonth, toMonth]; throws RegistryUnavailableError when unreachable */
  history(q: { idNumber: string; fromMonth: string; toMonth: string }): Promise<ContributionPeriod[]>;
}

export class DemoSocialSecuritySource implements SocialSecuritySource {
  constructor(
    private readonly data: ReadonlyMap<string, ContributionPeriod[]>,
    private readonly behaviour: DemoBehaviour = { latencyMs: 30, failureRate: 0 },
  ) {}
  async history(q: { idNumber: string; fromMonth: string; toMonth: string }): Promise<ContributionPeriod[]> {
    await new Promise((r) => setTimeout(r, this.behaviour.latencyMs));
    if ((this.behaviour.random ?? Math.random)() < this.behaviour.failureRate)
      throw new RegistryUnavailableError('社保数据服务暂时无法访问');
    return (this.data.get(q.idNumber) ?? []).filter((p) => p.endMonth >= q.fromMonth && p.startMonth <= q.toMonth);
  }
}
