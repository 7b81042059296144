import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoMoveLocation } from '../../../engine/contract/index.ts';
import { toApiError } from '../../api/api-error.ts';
import { Field } from '../../components/Field.tsx';

interface Props {
  /** Reads where this FO can go, from the platform (fulfillment.locations). */
  load: () => Promise<FoMoveLocation[]>;
  value: string;
  onChoose: (location: FoMoveLocation | null) => void;
}

/**
 * The move form's destination: the shop's locations as the platform lists them for this FO, the
 * ones that cannot take its items shown but not choosable, with the platform's reason.
 */
export function MoveLocation({ load, value, onChoose }: Props) {
  const { t } = useTranslation('fulfillment');
  const [locations, setLocations] = useState<FoMoveLocation[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    load().then(
      (list) => live && setLocations(list),
      (e: unknown) => live && setError(toApiError(e).message),
    );
    return () => {
      live = false;
    };
  }, [load]);

  const chosen = locations?.find((l) => l.id === value) ?? null;
  if (error) {
    return (
      <p className="fo-outcome fo-outcome-bad" role="alert">
        {t('form.locationsFailed')} <q lang="en">{error}</q>
      </p>
    );
  }
  return (
    <>
      <Field label={t('form.location')}>
        {(id) => (
          <select id={id} value={value} disabled={!locations} aria-busy={!locations} onChange={(e) => onChoose(locations?.find((l) => l.id === e.target.value) ?? null)}>
            <option value="">{locations ? t('form.chooseLocation') : t('form.loadingLocations')}</option>
            {(locations ?? []).map((l) => (
              <option key={l.id} value={l.id} disabled={!l.movable} title={l.message ?? undefined}>
                {l.movable ? l.name : t('form.notMovable', { name: l.name })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {locations && locations.length === 0 ? <p className="fo-form-hint">{t('form.noLocations')}</p> : null}
      {chosen ? <p className="fo-form-hint">{t(`form.managedBy${chosen.managedBy === 'merchant' ? 'Merchant' : 'Service'}`)}</p> : null}
    </>
  );
}
