'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog (which also saves as PDF); hidden on paper. */
export function PrintButton() {
  return (
    <Button variant="secondary" onClick={() => window.print()} className="print:hidden">
      Print this page
    </Button>
  );
}
