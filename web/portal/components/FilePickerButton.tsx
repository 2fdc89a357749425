/** A button that opens the file picker for one file; the hidden input keeps the button the only control to reach. */
import { useRef, type ReactNode } from 'react';

export function FilePickerButton({
  label,
  onFile,
  disabled,
  className = 'secondary',
  children,
}: {
  label: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} aria-label={label} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
