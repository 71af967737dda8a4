import { useState } from 'react';

/**
 * A list page's filters and current page. Changing a filter goes back to page 1, so the page never
 * points past the end of the narrower list.
 */
export function useListFilters<F extends object>(initial: F) {
  const [filters, setFilters] = useState<F>(initial);
  const [page, setPage] = useState(1);
  const setFilter = <K extends keyof F>(key: K, value: F[K]) => {
    setFilters((old) => ({ ...old, [key]: value }));
    setPage(1);
  };
  return { filters, setFilter, page, setPage };
}
