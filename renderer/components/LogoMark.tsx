/** The app's mark, drawn like assets/icon.svg: a trigger branching to two steps. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 512 512" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="logo-mark-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4f46e5" />
          <stop offset="1" stopColor="#0d9488" />
        </linearGradient>
      </defs>
      <rect x="32" y="32" width="448" height="448" rx="104" fill="url(#logo-mark-bg)" />
      <path
        d="M176 256H256M256 168V344M256 168H336M256 344H336"
        stroke="#ffffff"
        strokeOpacity="0.85"
        strokeWidth="28"
        strokeLinecap="round"
        fill="none"
      />
      <circle cx="160" cy="256" r="56" fill="#ffffff" />
      <circle cx="160" cy="256" r="22" fill="#4f46e5" />
      <rect x="300" y="132" width="104" height="72" rx="20" fill="#ffffff" />
      <rect x="300" y="308" width="104" height="72" rx="20" fill="#ffffff" />
    </svg>
  );
}
