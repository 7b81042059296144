import './sms-segment-count.css';
import { useTranslation } from 'react-i18next';
import { smsCount, withoutVietnameseAccents } from '../../../engine/contract/index.ts';
import { sourceName } from '../template/TemplateOutcome.tsx';
import { useTemplatePreview } from '../template/useTemplatePreview.ts';

/** The param of an SMS step whose parts are counted: its text, in any SMS node type. */
export function isSmsTextField(nodeType: string, key: string): boolean {
  return nodeType.startsWith('sms.') && key === 'text';
}

const hasLiquid = (text: string) => /\{\{|\{%/.test(text);

interface SmsSegmentCountProps {
  nodeType: string;
  /** The text as typed (a Liquid template). */
  text: string;
  /** The step takes the accents off before sending: count what goes out. */
  stripAccents: boolean;
}

/**
 * Under an SMS step's text: how many SMS it costs, the characters used of the parts' room,
 * and why it is Unicode when it is ("2 SMS · 75/134 characters · Unicode (has Vietnamese
 * accents)"). Plain text is counted as typed, at once. A text with Liquid is counted as the
 * preview renders it for the preview order (the order's values change the length); until
 * that answer comes, or when it cannot render, the template is counted as typed and says so.
 */
export function SmsSegmentCount({ nodeType, text, stripAccents }: SmsSegmentCountProps) {
  if (text.trim() === '') return null;
  if (!hasLiquid(text)) return <CountLine text={text} stripAccents={stripAccents} basis={null} />;
  return <RenderedCount nodeType={nodeType} text={text} stripAccents={stripAccents} />;
}

function RenderedCount({ nodeType, text, stripAccents }: SmsSegmentCountProps) {
  const { t } = useTranslation('templates');
  const preview = useTemplatePreview(nodeType, 'text', text);
  const field = preview.status === 'ready' ? preview.fields[0] : undefined;
  // While typing, the last rendering stays (dimmed) until the next one: no flicker back to the template's count.
  if (preview.status === 'ready' && field?.ok) {
    return <CountLine text={field.output.trim()} stripAccents={stripAccents} basis={{ order: sourceName(preview.source, t) }} stale={preview.stale} />;
  }
  return <CountLine text={text} stripAccents={stripAccents} basis="template" />;
}

/** `basis`: null for plain text; the order a rendered text is for; 'template' for a template counted as typed. */
function CountLine({ text, stripAccents, basis, stale = false }: { text: string; stripAccents: boolean; basis: null | 'template' | { order: string }; stale?: boolean }) {
  const { t } = useTranslation('accounts');
  const sent = stripAccents ? withoutVietnameseAccents(text) : text;
  const count = smsCount(sent);
  const encoding =
    count.encoding === 'gsm7'
      ? t('smsCount.gsm7')
      : count.vietnamese
        ? t('smsCount.unicodeVietnamese')
        : t('smsCount.unicodeBecause', { char: count.unicodeBecause ?? '' });
  // What taking the accents off would save, when the step does not already.
  const plain = !stripAccents && count.vietnamese ? smsCount(withoutVietnameseAccents(text)).segments : null;
  return (
    <div className={`sms-count${count.segments > 1 ? ' is-multi' : ''}${stale ? ' is-stale' : ''}`} data-testid="sms-count">
      <p className="sms-count-line">
        <strong>{t('smsCount.parts', { count: count.segments })}</strong>
        {' · '}
        {t('smsCount.characters', { used: count.units, room: count.capacity })}
        {' · '}
        {encoding}
      </p>
      {basis === 'template' ? <p className="sms-count-note">{t('smsCount.beforeRendering')}</p> : null}
      {basis && basis !== 'template' ? <p className="sms-count-note">{t('smsCount.rendered', { order: basis.order })}</p> : null}
      {stripAccents && sent !== text ? <p className="sms-count-note">{t('smsCount.accentsRemoved')}</p> : null}
      {plain !== null && plain < count.segments ? <p className="sms-count-note">{t('smsCount.withoutAccents', { count: plain })}</p> : null}
    </div>
  );
}
