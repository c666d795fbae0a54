import { useTranslation } from 'react-i18next';
import { swedishDayOf } from '../../../domain/calendar';
import type { HousingUnit } from '../../housing-api';

/** A protected housing unit as the directory describes it: free places, who keeps it, what it offers. */
export const UnitFacts = ({ unit }: { unit: HousingUnit }) => {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <strong>
          {unit.freePlaces === 0
            ? t('housing.full')
            : t('housing.free', { free: unit.freePlaces, capacity: unit.capacity })}
        </strong>{' '}
        {t('housing.updated', {
          when: swedishDayOf(unit.availabilityUpdatedAt),
          who: unit.availabilityUpdatedByName,
        })}
      </p>
      <dl className="facts">
        <dt>{t('housing.provider')}</dt>
        <dd>{t(`housing.providerKinds.${unit.providerKind}`)}</dd>
        <dt>{t('housing.area')}</dt>
        <dd>{unit.areaDescription}</dd>
        {unit.address && (
          <>
            <dt>{t('housing.address')}</dt>
            <dd>{unit.address}</dd>
          </>
        )}
        <dt>{t('housing.phone')}</dt>
        <dd>{unit.phone}</dd>
        <dt>{t('housing.permit')}</dt>
        <dd>{unit.ivoPermit ?? t('housing.noPermit')}</dd>
        <dt>{t('housing.offers')}</dt>
        <dd>
          {unit.specialisations.length
            ? unit.specialisations.map((code) => t(`housing.specialisations.${code}`)).join(', ')
            : '–'}
        </dd>
      </dl>
      {unit.missingNeeds.length > 0 && (
        <p className="warning-list">
          {t('housing.missing', {
            needs: unit.missingNeeds.map((code) => t(`housing.specialisations.${code}`)).join(', '),
          })}
        </p>
      )}
    </>
  );
};
