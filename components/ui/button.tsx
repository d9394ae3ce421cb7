import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger';

const VARIANT: Record<Variant, string> = {
  primary: 'bg-accent text-accent-text border-accent hover:opacity-90',
  secondary: 'bg-surface text-text border-border hover:bg-surface-muted',
  danger: 'bg-surface text-danger border-danger hover:bg-surface-muted',
};

export function buttonClass(variant: Variant = 'primary', extra = '') {
  return `inline-flex min-h-10 items-center justify-center gap-2 rounded-md border px-4 py-2 text-sm font-medium disabled:opacity-60 ${VARIANT[variant]} ${extra}`;
}

export function Button({ variant = 'primary', className = '', type = 'button', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
