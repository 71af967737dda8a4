/** GET /regions: the flat list of Zhejiang's regions, built into a 省/市/县区 tree for a Cascader. */
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';

export interface Region {
  id: string;
  code: string | null;
  name: string;
  level: 'province' | 'city' | 'county' | 'developmentZone' | string;
  parentId: string | null;
  mountainCounty: boolean;
}

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: () => api<Region[]>('/regions'), staleTime: Infinity });
}

export function buildRegionTree(regions: readonly Region[]): RegionOption[] {
  const byParent = new Map<string | null, Region[]>();
  for (const r of regions) {
    const list = byParent.get(r.parentId) ?? [];
    list.push(r);
    byParent.set(r.parentId, list);
  }
  const ids = new Set(regions.map((r) => r.id));
  const build = (r: Region): RegionOption => {
    const kids = byParent.get(r.id);
    return kids && kids.length > 0 ? { value: r.id, label: r.name, children: kids.map(build) } : { value: r.id, label: r.name };
  };
  // roots: no parent, or a parent not in the list
  return regions.filter((r) => r.parentId === null || !ids.has(r.parentId)).map(build);
}

/** The path of ids from the root down to `id`, for a Cascader value. */
export function regionPath(regions: readonly Region[], id: string | null | undefined): string[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const out: string[] = [];
  let cur = id ? byId.get(id) : undefined;
  while (cur) {
    out.unshift(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return out;
}
