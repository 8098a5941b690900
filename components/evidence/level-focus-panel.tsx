"use client";

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";

/**
 * Around a rating form opened on demand: focus goes to the level it starts on, as a Tab into the
 * group would, and Escape calls `onClose`. The plan page's and the teacher's queues' forms share it.
 */
export function LevelFocusPanel({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const radios = [...(ref.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
    (radios.find((r) => r.checked) ?? radios[0])?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Escape" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onClose();
  };
  return (
    <div ref={ref} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
