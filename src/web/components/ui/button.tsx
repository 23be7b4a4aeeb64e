// The app's button: type="button" unless told otherwise (no accidental form submits), a visible focus ring, and a
// tone that matches the surface it sits on (a danger button sits inside an error notice).
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

const TONES = {
  default: 'border-slate-300',
  danger: 'border-red-400',
};

export function Button({ tone = 'default', type = 'button', className, ...rest }: ComponentProps<'button'> & { tone?: keyof typeof TONES }) {
  return (
    <button
      type={type}
      className={cn('min-h-11 rounded border bg-white px-3 py-1 text-sm sm:min-h-0 focus-visible:outline-2 focus-visible:outline-blue-700', TONES[tone], className)}
      {...rest}
    />
  );
}
