import { useEffect } from 'react';

/** "Pump check · Jobscope": the tab says which page or job it holds. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Jobscope` : 'Jobscope';
  }, [title]);
}
