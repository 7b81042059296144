import type { TimelineIconId } from './timeline-entry-view.ts';

/** Stroke paths on a 24-unit grid, one glyph per timeline kind. */
const paths: Record<TimelineIconId, string[]> = {
  // a tray with an arrow coming down into it
  inbox: ['M12 3v10', 'M8 9l4 4 4-4', 'M4 14h4l1.5 3h5L16 14h4', 'M4 14v5h16v-5'],
  // a receipt with lines
  receipt: ['M6 3h12v18l-3-2-3 2-3-2-3 2z', 'M9 8h6', 'M9 12h6'],
  // two arrows, one each way
  swap: ['M4 8h14', 'M14 4l4 4-4 4', 'M20 16H6', 'M10 12l-4 4 4 4'],
  // a clock
  clock: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M12 7v5l3 2'],
  // a person
  user: ['M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8z', 'M4 21c1-4 4.5-6 8-6s7 2 8 6'],
  // play
  play: ['M8 5v14l11-7z'],
  // a small filled dot with a ring
  step: ['M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z'],
  // a tag
  tag: ['M3 12V4h8l10 10-8 8z', 'M7.5 7.5h.01'],
  // a note with a folded corner
  note: ['M5 3h10l4 4v14H5z', 'M15 3v4h4', 'M8 12h8', 'M8 16h5'],
  // a ticked box
  task: ['M4 4h16v16H4z', 'M8 12l3 3 5-6'],
  // an arrow going up out of a tray: sent to the platform
  upload: ['M12 15V3', 'M8 7l4-4 4 4', 'M4 14v5h16v-5'],
  // an arrow that turns back on itself: the platform echoing Flowdesk's own change
  echo: ['M9 14L4 9l5-5', 'M4 9h10a6 6 0 0 1 0 12h-3'],
};

export function TimelineIcon({ icon }: { icon: TimelineIconId }) {
  return (
    <svg
      className="timeline-icon"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[icon].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
