'use client';

/**
 * The world map's tooltip: one listener on the server-drawn SVG reads the hovered or focused country's
 * `data-tip`, so the map itself needs no client code.
 */
import { useRef, useState } from 'react';

type Tip = { text: string; x: number; y: number };

export function MapTooltip({ children }: { children: React.ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  function show(target: EventTarget | null, clientX?: number, clientY?: number) {
    const el = target instanceof Element ? target.closest('[data-tip]') : null;
    const box = frame.current?.getBoundingClientRect();
    if (!el || !box) return setTip(null);
    const at = clientX === undefined ? el.getBoundingClientRect() : null;
    const x = (clientX ?? at!.left + at!.width / 2) - box.left;
    const y = (clientY ?? at!.top) - box.top;
    setTip({ text: el.getAttribute('data-tip') ?? '', x, y });
  }

  return (
    <div
      ref={frame}
      className="relative"
      onPointerMove={(e) => show(e.target, e.clientX, e.clientY)}
      onPointerLeave={() => setTip(null)}
      onFocus={(e) => show(e.target)}
      onBlur={() => setTip(null)}
    >
      {children}
      {tip ? (
        <div
          role="tooltip"
          className="pointer-events-none absolute z-10 -translate-x-1/2 -translate-y-full whitespace-nowrap rounded-md bg-gray-900 px-2 py-1 text-xs font-medium text-white shadow"
          style={{ left: tip.x, top: tip.y - 8 }}
        >
          {tip.text}
        </div>
      ) : null}
    </div>
  );
}
