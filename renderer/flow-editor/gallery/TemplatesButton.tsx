import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TemplateGallery } from './TemplateGallery.tsx';

/** "Templates" in the flows list: opens the gallery of example flows. */
export function TemplatesButton() {
  const { t } = useTranslation('gallery');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="fe-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('button')}
      </button>
      {open ? <TemplateGallery onClose={() => setOpen(false)} /> : null}
    </>
  );
}
