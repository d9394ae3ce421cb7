'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';

/**
 * At phone width the sidebar folds into a "Menu" button; from md up it is always open.
 * Closes on navigation and on Escape, returning focus to the button.
 */
export function MobileMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // Navigation closes the menu (set during render, not in an effect: no extra render with the old state).
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        document.getElementById('menu-button')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        id="menu-button"
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen((value) => !value)}
        className="min-h-10 rounded-md border border-border px-3 md:hidden"
      >
        Menu
      </button>
      <div
        id="main-menu"
        className={`${open ? 'block' : 'hidden'} absolute inset-x-0 top-16 z-40 border-b border-border bg-surface p-4 shadow-lg md:static md:block md:border-0 md:p-0 md:shadow-none`}
      >
        {children}
      </div>
    </>
  );
}
