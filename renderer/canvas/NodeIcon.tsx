import type { NodeCategory } from '../../engine/contract/index.ts';

/** Line drawings on a 24×24 grid, keyed by a spec's `icon`, then its `connector`, then its category. */
const glyphs: Record<string, string> = {
  order: 'M5 8h14l-1.2 12H6.2L5 8zM9 8V7a3 3 0 0 1 6 0v1',
  condition: 'M12 3v6M12 9l-6 6v5M12 9l6 6v5',
  tag: 'M3.5 12.5V4h8.5l8.5 8.5-8 8-9-8zM8 8.5h.01',
  customer: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 20.5a7.5 7.5 0 0 1 15 0',
  note: 'M6 3h9l4 4v14H6V3zM15 3v4h4M9 12h7M9 16h5',
  mail: 'M3.5 6h17v12h-17V6zM3.5 6l8.5 7 8.5-7',
  message: 'M4 5h16v11H9l-5 4V5z',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  http: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
  trigger: 'M13 2.5 5 13.5h6l-1 8 8-11h-6l1-8z',
  action: 'M5 12h13M13 6.5l5.5 5.5-5.5 5.5',
  task: 'M4 4h16v16H4V4zM8 12l3 3 5-6',
  // a grid: a spreadsheet's rows and columns
  sheet: 'M4 4h16v16H4V4zM4 9.5h16M4 15h16M10 4v16',
  // three messages on a time line: a sequence
  sequence: 'M4 4v16M8 5h11v3H8zM8 11h9v3H8zM8 17h6v3H8z',
  // a receipt: a step that changes the order on its platform
  receipt: 'M6 3h12v18l-3-2-3 2-3-2-3 2V3zM9 8h6M9 12h6',
  // one flow handing over to another
  flow: 'M3.5 5h7v6h-7zM13.5 13h7v6h-7zM7 11v5h6.5M11 13.5l2.5 2.5-2.5 2.5',
};

const aliases: Record<string, string> = { orders: 'order', logic: 'condition', flowdesk: 'note', email: 'mail', sms: 'message', wait: 'clock', store: 'receipt' };

/** Platform marks: a letter on the platform's colour, for platform and connector keys. */
const platforms: Record<string, { letter: string; color: string }> = {
  shopify: { letter: 'S', color: '#5e8e3e' },
  haravan: { letter: 'H', color: '#0a5fd6' },
  sapo: { letter: 'S', color: '#1aa260' },
  woocommerce: { letter: 'W', color: '#7f54b3' },
  lazada: { letter: 'L', color: '#0f146d' },
  nhanhvn: { letter: 'N', color: '#e8542f' },
  kiotviet: { letter: 'K', color: '#0070f4' },
  ladisales: { letter: 'L', color: '#f05a28' },
  slack: { letter: 'S', color: '#4a154b' },
  zalo: { letter: 'Z', color: '#0068ff' },
  messenger: { letter: 'M', color: '#0866ff' },
  trello: { letter: 'T', color: '#0c66e4' },
  asana: { letter: 'A', color: '#f06a6a' },
};

function glyphFor(icon: string, connector: string, category: NodeCategory): string {
  return glyphs[icon] ?? glyphs[aliases[icon] ?? ''] ?? glyphs[connector] ?? glyphs[aliases[connector] ?? ''] ?? glyphs[category]!;
}

export function NodeIcon({ icon, connector, category, size = 18 }: { icon: string; connector: string; category: NodeCategory; size?: number }) {
  const platform = platforms[icon] ?? platforms[connector];
  if (platform) {
    return (
      <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="1" y="1" width="22" height="22" rx="6" fill={platform.color} />
        <text x="12" y="16.5" textAnchor="middle" fontSize="13" fontWeight="700" fill="#fff" fontFamily="system-ui, sans-serif">
          {platform.letter}
        </text>
      </svg>
    );
  }
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={glyphFor(icon, connector, category)} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
