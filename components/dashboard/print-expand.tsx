'use client';

import { useEffect } from 'react';

/**
 * Opens every <details data-print-open> while the page prints (the charts' data tables), and closes
 * again the ones the reader had closed. CSS alone cannot open a <details> in every browser.
 */
export function PrintExpand() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('details[data-print-open]:not([open])')];
      for (const details of opened) details.open = true;
    };
    const after = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return null;
}
